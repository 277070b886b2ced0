/**
 * Citations as evidence for fields: which excerpts back which field (the `supports`
 * paths of each citation) and how one citation is shown. Citations without `supports`
 * (data older than the field-level evidence model) back the record as a whole.
 */
import { type Rec, type SiteData, recordPage } from './data.js';
import { dateText } from './dates.js';
import { type Html, href, html } from './html.js';

export interface Citation {
  source: string;
  piece?: string;
  excerpt: string;
  supports?: string[];
  certainty?: string;
  note?: string;
}

export const citationsOf = (record: Rec): Citation[] =>
  Array.isArray(record.sources) && isCitationList(record.sources) ? record.sources : [];

function isCitationList(value: unknown[]): value is Citation[] {
  return value.every((c) => c !== null && typeof c === 'object' && typeof (c as Citation).excerpt === 'string');
}

/** The top-level field an evidence path starts with (`status_history[1].date` → `status_history`). */
const topField = (path: string): string => path.split(/[.[]/, 1)[0] ?? path;

interface FieldEvidence {
  citation: Citation;
  /** The paths of this field the citation names (narrower than the whole field when they have a suffix). */
  paths: string[];
}

export function evidenceByField(record: Rec): { byField: Map<string, FieldEvidence[]>; wholeRecord: Citation[] } {
  const byField = new Map<string, FieldEvidence[]>();
  const wholeRecord: Citation[] = [];
  for (const citation of citationsOf(record)) {
    if (!citation.supports?.length) {
      wholeRecord.push(citation);
      continue;
    }
    const fields = new Map<string, string[]>();
    for (const path of citation.supports) fields.set(topField(path), [...(fields.get(topField(path)) ?? []), path]);
    for (const [field, paths] of fields) byField.set(field, [...(byField.get(field) ?? []), { citation, paths }]);
  }
  return { byField, wholeRecord };
}

const isReported = (c: Citation): boolean => c.certainty === 'reported';

export function reportedBadge(): Html {
  return html`<span class="badge reported" title="Supported only by second-hand or hedged statements in the sources">Reported</span>`;
}

/**
 * One citation: the excerpt, the source (title, publisher, date, piece) and what it supports.
 * `again`: the excerpt was already shown for an earlier field of the page, so it is folded
 * (its opening words stay visible, the rest a click away) instead of repeated in full.
 */
export function citationHtml(site: SiteData, from: string, citation: Citation, field?: string, paths?: string[], again = false): Html {
  const source = site.record('sources', citation.source);
  const pieces = Array.isArray(source?.pieces) ? (source.pieces as Rec[]) : [];
  const piece = citation.piece ? pieces.find((p) => p.id === citation.piece) : undefined;
  const title = source && typeof source.title === 'string' ? source.title : citation.source;
  const published =
    typeof piece?.published === 'string' ? piece.published : typeof source?.published === 'string' ? source.published : undefined;
  const outlet = typeof piece?.outlet === 'string' ? piece.outlet : typeof source?.publisher === 'string' ? source.publisher : undefined;
  const narrower = field && paths ? paths.filter((p) => p !== field) : [];
  const details = [outlet, published ? dateText(published) : undefined].filter((x): x is string => Boolean(x));
  const figure = html`<figure class="cite${isReported(citation) ? ' is-reported' : ''}">
<blockquote${typeof source?.language === 'string' && source.language !== 'en' ? html` lang="${source.language}"` : ''}><p>${citation.excerpt}</p></blockquote>
<figcaption>${isReported(citation) ? html`<span class="badge reported" title="The source reports this hedged or second-hand">Reported</span> ` : ''}${
    piece && typeof piece.title === 'string' ? html`“${piece.title}” in ` : ''
  }<cite>${source ? html`<a href="${href(from, recordPage('sources', citation.source))}">${title}</a>` : title}</cite>${details.length ? `, ${details.join(', ')}` : ''}.${
    narrower.length ? html` <span class="supports">Supports ${narrower.map((p, i) => html`${i ? ', ' : ''}<code>${p}</code>`)}.</span>` : ''
  }${citation.note ? html` <span class="cite-note">Note: ${citation.note}</span>` : ''}</figcaption>
</figure>`;
  if (!again) return figure;
  const opening = citation.excerpt.length > 70 ? `${citation.excerpt.slice(0, 68).trimEnd()}…` : citation.excerpt;
  return html`<details class="cite-again${isReported(citation) ? ' is-reported' : ''}"><summary>${isReported(citation) ? html`<span class="badge reported">Reported</span> ` : ''}“${opening}” <span class="again">(quoted above)</span></summary>${figure}</details>`;
}
