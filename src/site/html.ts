/** HTML escaping, the tagged template that applies it, and page-relative links. */
import { posix } from 'node:path';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Markup that is already safe: returned by `html` and never escaped again. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const raw = (value: string): Html => new Html(value);

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** Tagged template: interpolated strings are escaped, `Html` values and arrays of them are not. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/**
 * Link from one site page to another, relative so that the site works under any
 * sub-path and from file:// (where a folder link does not open its index.html).
 */
export function href(from: string, to: string): string {
  const [target, fragment] = to.split('#') as [string, string | undefined];
  const rel = posix.relative(posix.dirname(from), target) || posix.basename(target);
  return fragment === undefined ? rel : `${rel}#${fragment}`;
}

/** Stable fragment id for a field path (`status_history[1].date` → `f-status_history-1-date`). */
export const fieldAnchor = (path: string): string => `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`;
