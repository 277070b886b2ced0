/**
 * Field evidence, derived from the schemas: the tree of what a record states (its
 * present, non-exempt fields and list elements, each with its evidence path), how
 * citations' `supports` paths cover it, and which fields only `reported` citations back.
 * The field-evidence and evidence-values rules, the build's `reported_fields` and the
 * report all use this one module.
 *
 * Evidence paths: `endpoints.via`, `countries[azerbaijan]` (an element of a list of
 * references, by id), `status_history[1].date` (an element of another list, by 0-based
 * index). Naming a node covers everything under it.
 */
import type * as z from 'zod';
import { evidenceRegistry } from './evidence-meta.js';
import { type AnySchema, arrayElement, discriminatorOf, kindOf, objectShape, unionOptions, unwrapOnce, variantFor } from './introspect.js';
import { refRegistry } from './primitives.js';

export interface EvidenceNode {
  /** Evidence path, e.g. `status_history[1].date`; '' for the record itself. */
  path: string;
  /** Path in the data, as validation messages use it: ['status_history', 1, 'date']. */
  readonly dataPath: (string | number)[];
  /** Why the node needs no evidence, when it needs none (schema metadata, `unknown`, false). */
  exempt?: string | undefined;
  /** The schema says it holds a date. */
  isDate: boolean;
  value: unknown;
  children: EvidenceNode[];
}

/** A node keeps its parent and key; its data path is worked out only when a message needs it. */
class Node implements EvidenceNode {
  readonly children: EvidenceNode[] = [];
  /** The citations covering the node, for the last citations list asked about (see coveringIndices). */
  coverage: { citations: readonly CitationLike[]; indices: readonly number[] } | undefined = undefined;
  /** On the record's node: the supports paths of a citations list → their positions (supportersOf). */
  supporters: { citations: readonly CitationLike[]; byPath: Map<string, readonly number[]> } | undefined = undefined;
  constructor(
    readonly path: string,
    readonly parent: Node | undefined,
    private readonly key: string | number,
    readonly exempt: string | undefined,
    readonly isDate: boolean,
    readonly value: unknown,
  ) {}
  get dataPath(): (string | number)[] {
    return this.parent ? [...this.parent.dataPath, this.key] : [];
  }
}

export const UNKNOWN_VALUE_EXEMPTION = 'the value "unknown" states nothing';
export const FALSE_EXEMPTION = 'false is the default';

interface Unwrapped {
  schema: AnySchema;
  exempt?: string | undefined;
  isDate: boolean;
  /** The object's fields, when `schema` is an object. */
  shape: [string, AnySchema][] | undefined;
  /** The element schema, when `schema` is an array; and whether its elements are references. */
  element: AnySchema | undefined;
  elementIsRef: boolean;
}

// Every node of every record asks the same questions of the same few schemas: answer each once.
const unwrapped = new WeakMap<AnySchema, Unwrapped>();

function unwrap(schema: AnySchema): Unwrapped {
  let u = unwrapped.get(schema);
  if (!u) {
    const { schema: inner, exempt, isDate } = unwrapWrappers(schema);
    const shape = objectShape(inner);
    const element = arrayElement(inner);
    u = {
      schema: inner,
      exempt,
      isDate,
      shape: shape && Object.entries(shape),
      element,
      elementIsRef: element !== undefined && (refRegistry.has(unwrapWrappers(element).schema) || refRegistry.has(element)),
    };
    unwrapped.set(schema, u);
  }
  return u;
}

function unwrapWrappers(schema: AnySchema): { schema: AnySchema; exempt?: string | undefined; isDate: boolean } {
  let exempt: string | undefined;
  let isDate = false;
  let current = schema;
  for (;;) {
    const meta = evidenceRegistry.get(current);
    exempt ??= meta?.exempt;
    if (meta?.date) isDate = true;
    const inner = unwrapOnce(current);
    if (!inner) return { schema: current, exempt, isDate };
    current = inner;
  }
}

/** The variant of a union the value belongs to (records are schema-valid here). */
function variantOf(schema: AnySchema, value: unknown): AnySchema | undefined {
  const discriminator = discriminatorOf(schema);
  if (discriminator !== undefined && value && typeof value === 'object') {
    const hit = variantFor(schema, (value as Record<string, unknown>)[discriminator]);
    if (hit) return hit;
  }
  return unionOptions(schema)?.find((o) => (o as unknown as z.ZodType).safeParse(value).success);
}

const joinPath = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

function build(
  schema: AnySchema,
  value: unknown,
  path: string,
  parent: Node | undefined,
  key: string | number,
  inheritedExempt?: string,
): Node {
  const u = unwrap(schema);
  let exempt = inheritedExempt ?? u.exempt;
  if (value === 'unknown') exempt ??= UNKNOWN_VALUE_EXEMPTION;
  if (value === false) exempt ??= FALSE_EXEMPTION;
  const node = new Node(path, parent, key, exempt, u.isDate, value);
  const target = kindOf(u.schema) === 'union' ? unwrap(variantOf(u.schema, value) ?? u.schema) : u;
  const { shape, element } = target;
  if (shape && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of shape) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      node.children.push(build(child, v, joinPath(path, key), node, key, exempt));
    }
  } else if (element && Array.isArray(value)) {
    value.forEach((item, i) => {
      const segment = target.elementIsRef && typeof item === 'string' ? item : String(i);
      node.children.push(build(element, item, `${path}[${segment}]`, node, i, exempt));
    });
  }
  return node;
}

/** The evidence tree of a schema-valid record. */
export const evidenceTree = (schema: AnySchema, record: unknown): EvidenceNode => build(schema, record, '', undefined, '');

/** Every node of the tree, depth first, the root excluded. */
export function* nodesOf(root: EvidenceNode): Generator<EvidenceNode> {
  // An explicit stack: nested generators would cost a step per level for every node.
  const stack = [...root.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Splits an evidence path into its segments: `a[x].b` → ['a', '[x]', 'b']. */
export const pathSegments = (path: string): string[] => path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];

/** True when `supported` names `path` or one of its ancestors. */
export function covers(supported: string, path: string): boolean {
  if (supported === path) return true;
  if (!path.startsWith(supported)) return false;
  const next = path[supported.length];
  return next === '.' || next === '[';
}

export interface CitationLike {
  supports: readonly string[];
  certainty?: 'stated' | 'reported' | undefined;
  excerpt: string;
  note?: string | undefined;
}

/** Each supports path of the citations → the positions of the citations that give it, ascending. */
function supportersByPath(citations: readonly CitationLike[]): Map<string, readonly number[]> {
  const byPath = new Map<string, number[]>();
  for (const [index, citation] of citations.entries())
    for (const path of citation.supports) {
      const indices = byPath.get(path);
      if (!indices) byPath.set(path, [index]);
      else if (indices[indices.length - 1] !== index) indices.push(index);
    }
  return byPath;
}

/** The supports index of a citations list, kept on the record's node (a record is asked about its own citations). */
function supportersOf(root: Node, citations: readonly CitationLike[]): Map<string, readonly number[]> {
  if (root.supporters?.citations !== citations) root.supporters = { citations, byPath: supportersByPath(citations) };
  return root.supporters.byPath;
}

const NONE: readonly number[] = [];

/**
 * `inherited` plus the citations whose supports name `path` cut before one of its `.` or `[`
 * past position `from`, or `path` whole: the supports paths that `covers` accepts, looked up
 * instead of every supports path tested against the node.
 */
function withCuts(path: string, from: number, inherited: readonly number[], byPath: Map<string, readonly number[]>): readonly number[] {
  let found = inherited;
  const add = (prefix: string) => {
    const indices = byPath.get(prefix);
    if (indices) found = found.length ? found.concat(indices) : indices;
  };
  for (let i = from; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0x2e /* . */ || c === 0x5b /* [ */) add(path.slice(0, i));
  }
  add(path);
  return found === inherited || found.length < 2 ? found : [...new Set(found)].sort((a, b) => a - b);
}

/**
 * Positions of the citations covering a node, ascending. In a tree, a node's path extends its
 * parent's at a `.` or `[`, so what covers the parent covers the node: a node adds only the
 * cuts of its own segment to its parent's (computed once per node and citations list).
 */
function coveringIndices(node: EvidenceNode, citations: readonly CitationLike[]): readonly number[] {
  if (!(node instanceof Node)) return withCuts(node.path, 0, NONE, supportersByPath(citations));
  if (node.coverage?.citations === citations) return node.coverage.indices;
  let root = node;
  while (root.parent) root = root.parent;
  const byPath = supportersOf(root, citations);
  const { parent } = node;
  // The record itself is no segment of its fields' paths: nothing is inherited from it.
  const indices = parent?.parent
    ? withCuts(node.path, parent.path.length + 1, coveringIndices(parent, citations), byPath)
    : withCuts(node.path, 0, NONE, byPath);
  node.coverage = { citations, indices };
  return indices;
}

/** The citations whose `supports` cover a node (`covers`), with their positions in `sources`, in order. */
export const citationsCovering = <C extends CitationLike>(node: EvidenceNode, citations: readonly C[]): { citation: C; index: number }[] =>
  coveringIndices(node, citations).map((index) => ({ citation: citations[index]!, index }));

/** The node at an evidence path, the record itself excluded; undefined when the record has none there. */
export function nodeAt(root: EvidenceNode, path: string): EvidenceNode | undefined {
  const find = (node: EvidenceNode): EvidenceNode | undefined => {
    for (const child of node.children) {
      if (child.path === path) return child;
      if (covers(child.path, path)) {
        const found = find(child);
        if (found) return found;
      }
    }
    return undefined;
  };
  return find(root);
}

/**
 * The largest nodes all of whose non-exempt leaves satisfy `leafTest`: a whole field when
 * every part of it does, otherwise its parts (so one message names `endpoints`, not
 * `endpoints.from` and `endpoints.to`). The record itself is never reported as a whole.
 */
export function maximalNodes(root: EvidenceNode, leafTest: (leaf: EvidenceNode) => boolean): EvidenceNode[] {
  const found: EvidenceNode[] = [];
  // Whether every relevant leaf under `node` passed, and whether it has any: as bits, ALL | RELEVANT.
  const visit = (node: EvidenceNode): number => {
    if (node.exempt) return ALL;
    if (node.children.length === 0) {
      if (!leafTest(node)) return RELEVANT;
      found.push(node);
      return ALL | RELEVANT;
    }
    const mark = found.length;
    let state = ALL;
    for (const child of node.children) {
      const s = visit(child);
      state = (state & s & ALL) | ((state | s) & RELEVANT);
    }
    if (state !== (ALL | RELEVANT)) return state & RELEVANT; // a node with no relevant leaf is no whole either
    found.length = mark;
    found.push(node);
    return state;
  };
  for (const child of root.children) visit(child);
  return found;
}
const ALL = 1;
const RELEVANT = 2;

/** Evidence paths of the fields no citation covers. */
export const unsupportedNodes = (root: EvidenceNode, citations: readonly CitationLike[]): EvidenceNode[] =>
  maximalNodes(root, (leaf) => coveringIndices(leaf, citations).length === 0);

/** The fields backed only by `reported` citations (and by at least one). */
export const reportedOnlyNodes = (root: EvidenceNode, citations: readonly CitationLike[]): EvidenceNode[] =>
  maximalNodes(root, (leaf) => {
    const covering = coveringIndices(leaf, citations);
    return covering.length > 0 && covering.every((index) => citations[index]!.certainty === 'reported');
  });

/** The non-exempt leaves of a tree (the facts a record states). */
export const factLeaves = (root: EvidenceNode): EvidenceNode[] => {
  const out: EvidenceNode[] = [];
  const visit = (node: EvidenceNode) => {
    if (node.exempt) return;
    if (node.children.length === 0) out.push(node);
    else node.children.forEach(visit);
  };
  root.children.forEach(visit);
  return out;
};
