/**
 * A page per record: every field in schema order (fields the schema does not know yet
 * follow), each next to the excerpts that support it, reported facts marked, then the
 * records it is referenced by.
 */
import { type Collection, type Rec, type SiteData, humanize, labelOf, recordPage } from './data.js';
import { citationHtml, evidenceByField, reportedBadge } from './evidence.js';
import { type Html, fieldAnchor, href, html } from './html.js';
import { page } from './layout.js';
import { type ValueContext, fieldMap, valueHtml } from './values.js';

/** Computed by the build, shown as badges rather than as a field. */
const COMPUTED = new Set(['reported_fields']);

function topLevelKeys(collection: Collection, record: Rec): string[] {
  const keys = [...new Set(collection.fields.map((f) => f.path[0] as string))];
  for (const key of Object.keys(record)) if (!keys.includes(key)) keys.push(key);
  return keys.filter((k) => record[k] !== undefined && !COMPUTED.has(k));
}

export function recordPageHtml(site: SiteData, collection: Collection, record: Rec, extra?: Html): string {
  const from = recordPage(collection.name, record.id);
  const reported = new Set(Array.isArray(record.reported_fields) ? (record.reported_fields as string[]) : []);
  const ctx: ValueContext = { site, from, fields: fieldMap(collection.fields), reported };
  const { byField, wholeRecord } = evidenceByField(record);
  const isCitations = (key: string) => key === 'sources' && collection.name !== 'sources';

  const quoted = new Set<object>();
  const cite = (e: { citation: Parameters<typeof citationHtml>[2]; paths: string[] }, key: string) => {
    const again = quoted.has(e.citation);
    quoted.add(e.citation);
    return citationHtml(site, from, e.citation, key, e.paths, again);
  };
  const rows = topLevelKeys(collection, record)
    .filter((key) => !isCitations(key))
    .map((key) => {
      const evidence = byField.get(key) ?? [];
      return html`<div class="field${evidence.length ? ' has-evidence' : ''}" id="${fieldAnchor(key)}" data-field="${key}">
<dt>${humanize(key)}${reported.has(key) ? html` ${reportedBadge()}` : ''}</dt>
<dd class="value">${valueHtml(ctx, record[key], [key], key)}</dd>
${evidence.length ? html`<dd class="evidence"><span class="visually-hidden">Evidence:</span>${evidence.map((e) => cite(e, key))}</dd>` : ''}
</div>`;
    });

  const backrefs = site.referencedBy(collection.name, record.id);
  const groups = new Map<string, Html[]>();
  for (const b of backrefs) {
    const target = site.record(b.collection, b.id);
    if (!target) continue;
    const heading = b.field === 'sources.source' ? `Cited by ${b.collection}` : `${humanize(b.collection)} (${b.field.replace(/_/g, ' ')})`;
    groups.set(heading, [
      ...(groups.get(heading) ?? []),
      html`<li><a href="${href(from, recordPage(b.collection, b.id))}">${labelOf(target)}</a></li>`,
    ]);
  }

  const body = html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${href(from, 'index.html')}">Home</a> › <a href="${href(from, `${collection.name}/index.html`)}">${humanize(collection.name)}</a></nav>
<h1>${labelOf(record, Number.POSITIVE_INFINITY)}</h1>
<p class="kind">${humanize(collection.singular)} <code>${record.id}</code>${reported.size ? html` · ${reportedBadge()} marks facts the sources give only second-hand or hedged` : ''}</p>
<dl class="fields">${rows}</dl>
${extra ?? ''}
${wholeRecord.length ? html`<section aria-labelledby="whole-evidence"><h2 id="whole-evidence">Evidence for the record</h2>${wholeRecord.map((c) => citationHtml(site, from, c))}</section>` : ''}
${groups.size ? html`<section aria-labelledby="referenced-by"><h2 id="referenced-by">Referenced by</h2>${[...groups].map(([heading, items]) => html`<h3>${humanize(heading)}</h3><ul class="links">${items}</ul>`)}</section>` : ''}`;
  return page(site, {
    path: from,
    title: labelOf(record, 120),
    description: `${humanize(collection.singular)} ${labelOf(record)}: fields and the source excerpts that support them.`,
    body,
    script: false,
  });
}
