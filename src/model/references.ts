import type { FieldInfo } from '../schema/walk.js';

/** Where a reference of `field` is: the field's path, with the item number when the field is in a list. */
export const referencePath = (field: FieldInfo, item: number): (string | number)[] =>
  field.listPath ? [...field.listPath, item, ...field.path.slice(field.listPath.length)] : field.path;

/**
 * Every reference a record makes through one reference field, following lists: its path, its
 * item in the field's list (-1 when the field is not in a list) and the id.
 */
export function* referencesOf(data: unknown, field: FieldInfo): Generator<{ path: (string | number)[]; item: number; id: string }> {
  const at = (v: unknown, keys: string[]) =>
    keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), v);
  if (!field.listPath) {
    const id = at(data, field.path);
    if (typeof id === 'string') yield { path: field.path, item: -1, id };
    return;
  }
  const list = at(data, field.listPath);
  if (!Array.isArray(list)) return;
  const rest = field.path.slice(field.listPath.length);
  for (const [i, item] of list.entries()) {
    const id = rest.length ? at(item, rest) : item;
    if (typeof id === 'string') yield { path: referencePath(field, i), item: i, id };
  }
}
