/**
 * JSON values of build files, handled without recursion: the JSON type, and a
 * serializer that gives exactly JSON.stringify's output (V8's JSON.stringify recurses
 * and overflows the stack on deeply nested input; JSON.parse does not).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property only: `__proto__` and `constructor` are data like any other key. */
export const own = (o: JsonObject, key: string): Json | undefined => (Object.hasOwn(o, key) ? o[key] : undefined);

interface Frame {
  value: Json[] | JsonObject;
  keys: string[] | undefined;
  next: number;
  depth: number;
}

/** JSON.stringify(value, null, indent) for JSON values, iteratively. */
export function stringify(value: Json, indent = 0): string {
  const out: string[] = [];
  const pad = (depth: number) => (indent ? `\n${' '.repeat(indent * depth)}` : '');
  const colon = indent ? ': ' : ':';
  const stack: Frame[] = [];
  const open = (v: Json, depth: number) => {
    if (Array.isArray(v)) {
      if (!v.length) return void out.push('[]');
      out.push('[');
      stack.push({ value: v, keys: undefined, next: 0, depth });
    } else if (isObject(v)) {
      const keys = Object.keys(v);
      if (!keys.length) return void out.push('{}');
      out.push('{');
      stack.push({ value: v, keys, next: 0, depth });
    } else out.push(typeof v === 'number' && !Number.isFinite(v) ? 'null' : JSON.stringify(v));
  };
  open(value, 0);
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const length = frame.keys ? frame.keys.length : (frame.value as Json[]).length;
    if (frame.next === length) {
      stack.pop();
      out.push(pad(frame.depth), frame.keys ? '}' : ']');
      continue;
    }
    const i = frame.next++;
    if (i > 0) out.push(',');
    out.push(pad(frame.depth + 1));
    if (frame.keys) {
      const key = frame.keys[i]!;
      out.push(JSON.stringify(key), colon);
      open((frame.value as JsonObject)[key]!, frame.depth + 1);
    } else open((frame.value as Json[])[i]!, frame.depth + 1);
  }
  return out.join('');
}
