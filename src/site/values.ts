/**
 * Readable rendering of any field value, driven by the schema field listing: references
 * become links, dates readable dates, lists and objects nested lists. Each rendered value
 * carries its evidence path so that reported facts (`reported_fields`) can be marked in place.
 */
import { DATE_PATTERN } from '../schema/index.js';
import type { FieldInfo } from '../schema/walk.js';
import { type SiteData, labelOf, recordPage, humanize } from './data.js';
import { dateHtml, dateText } from './dates.js';
import { fieldAnchor, type Html, href, html } from './html.js';
import { reportedBadge } from './evidence.js';

export interface ValueContext {
  site: SiteData;
  /** The page the value is rendered on (for relative links). */
  from: string;
  /** Field infos by dotted key path without indices. */
  fields: Map<string, FieldInfo>;
  /** Evidence paths supported only by reported citations. */
  reported: ReadonlySet<string>;
}

export const fieldMap = (fields: FieldInfo[]): Map<string, FieldInfo> => new Map(fields.map((f) => [f.path.join('.'), f]));

const isDateField = (info: FieldInfo | undefined) => info?.pattern?.source === DATE_PATTERN.source;

const formatNumber = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

function refLink(ctx: ValueContext, collection: string, id: string): Html {
  const target = ctx.site.record(collection, id);
  if (!target) return html`<code>${id}</code>`;
  return html`<a href="${href(ctx.from, recordPage(collection, id))}">${labelOf(target)}</a>`;
}

/** `keys`: schema path without indices; `path`: evidence path with indices (`status_history[1]`). */
export function valueHtml(ctx: ValueContext, value: unknown, keys: string[], path: string): Html {
  const mark = ctx.reported.has(path) && path.includes('[') ? html` ${reportedBadge()}` : '';
  if (Array.isArray(value)) {
    const info = ctx.fields.get(keys.join('.'));
    if (value.every((v) => v !== null && typeof v === 'object')) {
      return html`<ol class="items">${value.map(
        (item, n) => html`<li id="${fieldAnchor(`${path}[${n}]`)}">${valueHtml(ctx, item, keys, `${path}[${n}]`)}</li>`,
      )}</ol>`;
    }
    return html`<ul class="list">${value.map((item, n) => {
      const element = info?.ref && typeof item === 'string' ? `${path}[${item}]` : `${path}[${n}]`;
      return html`<li>${valueHtml(ctx, item, keys, element)}</li>`;
    })}</ul>`;
  }
  if (isMeasure(value)) return html`${value.approximate ? 'about ' : ''}${formatNumber(value.value)} ${value.unit}${mark}`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return html`<dl class="sub">${entries.map(
      ([key, v]) =>
        html`<div><dt>${humanize(key)}${ctx.reported.has(`${path}.${key}`) ? html` ${reportedBadge()}` : ''}</dt><dd>${valueHtml(ctx, v, [...keys, key], `${path}.${key}`)}</dd></div>`,
    )}</dl>${mark}`;
  }
  return html`${scalarHtml(ctx, value, keys)}${mark}`;
}

function scalarHtml(ctx: ValueContext, value: unknown, keys: string[]): Html {
  const info = ctx.fields.get(keys.join('.'));
  if (typeof value === 'string') {
    if (info?.ref) return refLink(ctx, info.ref.collection, value);
    if (isDateField(info) && DATE_PATTERN.test(value)) return dateHtml(value);
    if (info?.type === 'enum') return html`<span class="tag">${value}</span>`;
    if (/^https?:\/\//.test(value)) return html`<a href="${value}" rel="external nofollow">${value}</a>`;
    return withCode(value);
  }
  if (typeof value === 'number') return html`${formatNumber(value)}`;
  if (typeof value === 'boolean') return html`${value ? 'yes' : 'no'}`;
  return html`${String(value)}`;
}

interface Measure {
  value: number;
  unit: string;
  approximate?: boolean;
}

/** A quantity with a unit (length, width): shown as "about 40 km" rather than as sub-fields. */
function isMeasure(value: unknown): value is Measure {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const v = value as Record<string, unknown>;
  return (
    typeof v.value === 'number' && typeof v.unit === 'string' && keys.every((k) => k === 'value' || k === 'unit' || k === 'approximate')
  );
}

/** Curator text marks field names with backticks (`part_of`): shown as code. */
function withCode(text: string): Html {
  const parts = text.split(/`([^`]+)`/);
  return html`${parts.map((part, i) => (i % 2 ? html`<code>${part}</code>` : part))}`;
}

/** Compact one-line text of a value, for table cells and sort keys. */
export function plainText(ctx: Pick<ValueContext, 'site' | 'fields'>, value: unknown, keys: string[]): string {
  if (Array.isArray(value)) return value.map((v) => plainText(ctx, v, keys)).join(', ');
  if (isMeasure(value)) return `${value.approximate ? 'about ' : ''}${formatNumber(value.value)} ${value.unit}`;
  if (value !== null && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${plainText(ctx, v, [...keys, k])}`)
      .join('; ');
  const info = ctx.fields.get(keys.join('.'));
  if (typeof value === 'string' && info?.ref) {
    const target = ctx.site.record(info.ref.collection, value);
    return target ? labelOf(target) : value;
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string' && isDateField(info) && DATE_PATTERN.test(value)) return dateText(value);
  return String(value);
}
