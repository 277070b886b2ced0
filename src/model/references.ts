import type { FieldInfo } from '../schema/walk.js';

/** Every (path, id) a record refers to through one reference field, following lists. */
export function* referencesOf(data: unknown, field: FieldInfo): Generator<{ path: (string | number)[]; id: string }> {
  const at = (v: unknown, keys: string[]) =>
    keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), v);
  if (!field.listPath) {
    const id = at(data, field.path);
    if (typeof id === 'string') yield { path: field.path, id };
    return;
  }
  const list = at(data, field.listPath);
  if (!Array.isArray(list)) return;
  const rest = field.path.slice(field.listPath.length);
  for (const [i, item] of list.entries()) {
    const id = rest.length ? at(item, rest) : item;
    if (typeof id === 'string') yield { path: [...field.listPath, i, ...rest], id };
  }
}
