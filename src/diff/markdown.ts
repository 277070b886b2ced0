/** The diff as Markdown, meant to be pasted into a changeset (.changeset/*.md). */
import { visible } from '../util/visible.js';
import { plural, type BuildDiff, type CollectionDiff, type RecordRef } from './builds.js';
import { stringify, type Json } from './json.js';
import type { FieldChange } from './values.js';

/** An inline code span that survives backticks inside the value. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const shown = (text: string) => code(visible(text));
const value = (v: Json) => shown(stringify(v));

function changeLine(c: FieldChange): string {
  if (c.old === undefined) return `${shown(c.path)}: added ${value(c.new!)}`;
  if (c.new === undefined) return `${shown(c.path)}: removed (was ${value(c.old)})`;
  return `${shown(c.path)}: ${value(c.old)} → ${value(c.new)}`;
}

const escapeMarkdown = (text: string) => visible(text.replace(/\s+/g, ' ')).replace(/[\\`*_[\]<>|]/g, '\\$&');
const recordLine = (r: RecordRef) => (r.label ? `${shown(r.id)} (${escapeMarkdown(r.label)})` : shown(r.id));

export function diffMarkdown(diff: BuildDiff): string {
  const lines: string[] = [];
  const total = (pick: (d: CollectionDiff) => unknown[]) => diff.collections.reduce((n, d) => n + pick(d).length, 0);
  const added = total((d) => d.added);
  const removed = total((d) => d.removed);
  const changed = total((d) => d.changed);
  if (!diff.collections.length && !diff.schemas.length) lines.push('No data or schema changes.');
  else {
    const parts = [
      added ? `${plural(added, 'record')} added` : '',
      changed ? `${plural(changed, 'record')} changed` : '',
      removed ? `${plural(removed, 'record')} removed` : '',
      diff.schemas.length ? `${plural(diff.schemas.length, 'schema file')} changed` : '',
    ].filter(Boolean);
    lines.push(`Data changes: ${parts.join(', ')}.`);
  }
  for (const d of diff.collections) {
    const counts = [
      d.added.length ? `${d.added.length} added` : '',
      d.changed.length ? `${d.changed.length} changed` : '',
      d.removed.length ? `${d.removed.length} removed` : '',
    ].filter(Boolean);
    lines.push('', `**${escapeMarkdown(d.collection)}** (${counts.join(', ')})`, '');
    for (const r of d.added) lines.push(`- added ${recordLine(r)}`);
    for (const r of d.changed) {
      lines.push(`- changed ${recordLine(r)}`);
      for (const c of r.changes) lines.push(`  - ${changeLine(c)}`);
    }
    for (const r of d.removed) lines.push(`- removed ${recordLine(r)}`);
  }
  if (diff.schemas.length) {
    lines.push('', '**JSON Schema**', '');
    for (const s of diff.schemas) {
      lines.push(`- ${s.status} ${shown(s.file)}`);
      for (const c of s.changes) lines.push(`  - ${changeLine(c)}`);
    }
  }
  const why = diff.reasons.length ? ` (${diff.reasons.join(', ')})` : '';
  lines.push('', `Suggested version bump: ${diff.bump}${why}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The diff as JSON. Characters a terminal or editor would act on or hide (the same set
 * `visible` escapes in messages: controls, bidi and other format characters, invisible
 * fillers) are written as \u escapes: still the same JSON value, but nothing in it can
 * rewrite the screen.
 */
export const diffJson = (diff: BuildDiff): string => `${escapeInvisibleInJson(stringify(diff as unknown as Json, 2))}\n`;

const escapeInvisibleInJson = (json: string): string =>
  // Raw line breaks in JSON text are only the layout (inside strings they are already \n).
  json.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/gu, (c) =>
    c === '\n' ? c : [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
