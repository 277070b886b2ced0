/**
 * Blocks and records every network attempt of this process below the public APIs: TCP
 * connects (net, http, https, tls, fetch all end there), UDP sends, and DNS lookups and
 * queries (dns.lookup and dns.resolve*). Patching Node's internal bindings catches named
 * imports (`import { connect } from 'node:net'`) too, which spies on module exports miss.
 */
import { constants } from 'node:os';

type Binding = Record<string, unknown>;
const binding = (name: string) => (process as unknown as { binding(name: string): Binding }).binding(name);

const EACCES = -constants.errno.EACCES;

export interface NetworkGuard {
  /** One line per blocked attempt, e.g. "tcp connect 127.0.0.1:80", "dns lookup example.org". */
  attempts: string[];
  restore(): void;
}

export function guardNetwork(): NetworkGuard {
  const attempts: string[] = [];
  const restores: (() => void)[] = [];
  const patch = (target: Record<string, unknown>, method: string, describe: (args: unknown[]) => string) => {
    const original = target[method];
    if (typeof original !== 'function') return;
    target[method] = (...args: unknown[]) => {
      attempts.push(describe(args));
      return EACCES;
    };
    restores.push(() => {
      target[method] = original;
    });
  };
  // process.binding is deprecated (DEP0111) and warns once; its objects are the ones net and dns use.
  const warn = process.emitWarning;
  process.emitWarning = () => {};
  try {
    const tcp = binding('tcp_wrap').TCP as { prototype: Record<string, unknown> };
    patch(tcp.prototype, 'connect', (a) => `tcp connect ${a[1]}:${a[2]}`);
    patch(tcp.prototype, 'connect6', (a) => `tcp connect ${a[1]}:${a[2]}`);
    const udp = binding('udp_wrap').UDP as { prototype: Record<string, unknown> };
    for (const method of ['send', 'send6', 'connect', 'connect6']) patch(udp.prototype, method, () => `udp ${method}`);
    const cares = binding('cares_wrap');
    patch(cares, 'getaddrinfo', (a) => `dns lookup ${a[1]}`);
    patch(cares, 'getnameinfo', (a) => `dns reverse ${a[1]}`);
    const channel = (cares.ChannelWrap as { prototype: Record<string, unknown> }).prototype;
    for (const method of Object.getOwnPropertyNames(channel).filter((m) => m.startsWith('query') || m === 'getHostByAddr'))
      patch(channel, method, (a) => `dns ${method} ${a[1]}`);
  } finally {
    process.emitWarning = warn;
  }
  return {
    attempts,
    restore: () => {
      for (const undo of restores) undo();
    },
  };
}
