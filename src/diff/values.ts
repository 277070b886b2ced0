/**
 * Field-level differences between two JSON values, without recursion and with a cost
 * bounded by the size of the input:
 * - every subtree gets a canonical id once (hash-consing, bottom-up), so "are these two
 *   subtrees equal" is one integer comparison at any depth;
 * - lists of mappings are aligned on unchanged items by a patience-style alignment
 *   (common prefix and suffix, then items unique in both lists, then the longest
 *   increasing run of those), never by an n×m table. The comparisons it makes are
 *   counted, so tests can prove the bound: at most 4·(n+m) + k·(⌈log2 (k+1)⌉ + 1) for
 *   lists of n and m items with k unique common items.
 */
import { isObject, own, type Json, type JsonObject } from './json.js';

export interface FieldChange {
  /** Dotted path with list indexes, as in validation messages: sources[1].excerpt. */
  path: string;
  /** Absent when the field was added. */
  old?: Json;
  /** Absent when the field was removed. */
  new?: Json;
}

export interface DiffStats {
  /** Item comparisons made while aligning lists (the quantity bounded above). */
  comparisons: number;
}

/** Canonical ids for JSON values: equal values (object key order aside) get equal ids. */
export class ValueIds {
  private readonly ids = new WeakMap<object, number>();
  private readonly table = new Map<string, number>();

  private intern(signature: string): number {
    let id = this.table.get(signature);
    if (id === undefined) {
      id = this.table.size;
      this.table.set(signature, id);
    }
    return id;
  }

  private scalar(v: Exclude<Json, object>): number {
    return this.intern(typeof v === 'string' ? `s${v}` : `${typeof v}:${String(v)}`);
  }

  idOf(root: Json): number {
    if (root === null || typeof root !== 'object') return this.scalar(root);
    const known = this.ids.get(root);
    if (known !== undefined) return known;
    // Post-order without recursion: a container is expanded once (its children pushed),
    // and gets its id when met again with every child done.
    const stack: (Json[] | JsonObject)[] = [root];
    const expanded = new Set<object>();
    while (stack.length) {
      const node = stack[stack.length - 1]!;
      if (this.ids.has(node)) {
        stack.pop();
        continue;
      }
      const children = Array.isArray(node) ? node : Object.keys(node).map((k) => node[k]!);
      if (!expanded.has(node)) {
        expanded.add(node);
        for (const child of children) if (child !== null && typeof child === 'object' && !this.ids.has(child)) stack.push(child);
        continue;
      }
      stack.pop();
      expanded.delete(node);
      const childId = (c: Json) => (c !== null && typeof c === 'object' ? this.ids.get(c)! : this.scalar(c));
      const signature = Array.isArray(node)
        ? `[${node.map(childId).join(',')}`
        : `{${Object.keys(node)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${childId(node[k]!)}`)
            .join(',')}`;
      this.ids.set(node, this.intern(signature));
    }
    return this.ids.get(root)!;
  }
}

// --- Paths -------------------------------------------------------------------------

interface PathNode {
  parent: PathNode | undefined;
  segment: string | number;
}

const child = (parent: PathNode | undefined, segment: string | number): PathNode => ({ parent, segment });

function formatPath(node: PathNode | undefined): string {
  const segments: (string | number)[] = [];
  for (let n = node; n; n = n.parent) segments.push(n.segment);
  let out = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    out = typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s;
  }
  return out;
}

// --- List alignment ----------------------------------------------------------------

export type Alignment = { match: [number, number] } | { gap: [number, number, number, number] };

/**
 * Aligns two lists of item ids: matched pairs of equal items, and the gaps between them
 * ([oldStart, oldEnd, newStart, newEnd), either side possibly empty), in order.
 */
export function alignLists(a: readonly number[], b: readonly number[], stats: DiffStats = { comparisons: 0 }): Alignment[] {
  const eq = (i: number, j: number) => {
    stats.comparisons++;
    return a[i] === b[j];
  };
  const out: Alignment[] = [];
  // Trims the common ends of [i0, i1) × [j0, j1); the middle is one gap.
  const gap = (i0: number, i1: number, j0: number, j1: number) => {
    const head: Alignment[] = [];
    while (i0 < i1 && j0 < j1 && eq(i0, j0)) head.push({ match: [i0++, j0++] });
    const tail: Alignment[] = [];
    while (i1 > i0 && j1 > j0 && eq(i1 - 1, j1 - 1)) tail.push({ match: [--i1, --j1] });
    out.push(...head);
    if (i0 < i1 || j0 < j1) out.push({ gap: [i0, i1, j0, j1] });
    out.push(...tail.reverse());
  };

  let start = 0;
  while (start < a.length && start < b.length && eq(start, start)) out.push({ match: [start, start++] });
  let endA = a.length;
  let endB = b.length;
  const tail: Alignment[] = [];
  while (endA > start && endB > start && eq(endA - 1, endB - 1)) tail.push({ match: [--endA, --endB] });

  // Items that occur exactly once in each middle part are the anchor candidates.
  const counts = new Map<number, { old: number; new: number; at: number }>();
  for (let i = start; i < endA; i++) {
    const c = counts.get(a[i]!) ?? { old: 0, new: 0, at: i };
    c.old++;
    c.at = i;
    counts.set(a[i]!, c);
  }
  for (let j = start; j < endB; j++) {
    const c = counts.get(b[j]!);
    if (c) c.new++;
  }
  const pairs: [number, number][] = [];
  for (let j = start; j < endB; j++) {
    const c = counts.get(b[j]!);
    if (c && c.old === 1 && c.new === 1) pairs.push([c.at, j]);
  }
  // Longest run of pairs increasing in both lists (patience sorting, binary search).
  const tops: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([i], p) => {
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      stats.comparisons++;
      if (pairs[tops[mid]!]![0] < i) lo = mid + 1;
      else hi = mid;
    }
    stats.comparisons++;
    if (lo > 0) previous[p] = tops[lo - 1]!;
    tops[lo] = p;
  });
  const anchors: [number, number][] = [];
  for (let p = tops.length ? tops[tops.length - 1]! : -1; p !== -1; p = previous[p]!) anchors.push(pairs[p]!);
  anchors.reverse();

  let i = start;
  let j = start;
  for (const [ai, bj] of anchors) {
    gap(i, ai, j, bj);
    out.push({ match: [ai, bj] });
    i = ai + 1;
    j = bj + 1;
  }
  gap(i, endA, j, endB);
  out.push(...tail.reverse());
  return out;
}

// --- The diff ----------------------------------------------------------------------

const isScalarList = (v: Json[]): boolean => v.every((x) => x === null || typeof x !== 'object');

type Task =
  | { compare: true; old: Json | undefined; next: Json | undefined; at: PathNode | undefined }
  | { compare: false; at: PathNode | undefined; old?: Json; next?: Json };

export interface DiffOptions {
  stats?: DiffStats;
  /** Shared between the calls of one diff, so each subtree is hashed once. */
  ids?: ValueIds;
}

/**
 * Field-level differences. Lists of plain values (aliases, parties) are compared whole;
 * lists of mappings (sources, status_history) item by item, aligned on unchanged items
 * so that inserting a citation does not show every later one as changed.
 */
export function diffValues(old: Json | undefined, next: Json | undefined, options: DiffOptions = {}): FieldChange[] {
  const ids = options.ids ?? new ValueIds();
  const stats = options.stats ?? { comparisons: 0 };
  const changes: FieldChange[] = [];
  const stack: Task[] = [{ compare: true, old, next, at: undefined }];
  const emit = (at: PathNode | undefined, a: Json | undefined, b: Json | undefined) => {
    const change: FieldChange = { path: formatPath(at) };
    if (a !== undefined) change.old = a;
    if (b !== undefined) change.new = b;
    changes.push(change);
  };
  while (stack.length) {
    const task = stack.pop()!;
    const { at } = task;
    if (!task.compare) {
      emit(at, task.old, task.next);
      continue;
    }
    const a = task.old;
    const b = task.next;
    if (a === undefined && b === undefined) continue;
    if (a !== undefined && b !== undefined && ids.idOf(a) === ids.idOf(b)) continue;
    const todo: Task[] = [];
    if (isObject(a) && isObject(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
      for (const k of keys) todo.push({ compare: true, old: own(a, k), next: own(b, k), at: child(at, k) });
    } else if (Array.isArray(a) && Array.isArray(b) && !(isScalarList(a) && isScalarList(b))) {
      const alignment = alignLists(
        a.map((v) => ids.idOf(v)),
        b.map((v) => ids.idOf(v)),
        stats,
      );
      for (const step of alignment) {
        if ('match' in step) continue;
        let [i, i1, j, j1] = step.gap;
        // The gap's items are paired up position by position (a changed item); the
        // rest is removed (old index) or added (new index).
        while (i < i1 || j < j1) {
          if (i < i1 && j < j1) todo.push({ compare: true, old: a[i++]!, next: b[j++]!, at: child(at, j - 1) });
          else if (i < i1) todo.push({ compare: false, old: a[i]!, at: child(at, i++) });
          else todo.push({ compare: false, next: b[j]!, at: child(at, j++) });
        }
      }
    } else {
      emit(at, a, b);
      continue;
    }
    for (let k = todo.length - 1; k >= 0; k--) stack.push(todo[k]!);
  }
  return changes;
}
