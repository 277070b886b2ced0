/**
 * A table page per collection: one row per record linking to its page, one column per
 * top-level field except editorial text and lists of objects (shown on the record page).
 * The table is plain HTML; the script adds sorting and a filter box.
 */
import { type Collection, type SiteData, collectionPage, humanize, labelOf, recordPage } from './data.js';
import { parseDate } from './dates.js';
import { type Html, href, html } from './html.js';
import { page } from './layout.js';
import { fieldMap, plainText } from './values.js';
import { DATE_PATTERN } from '../schema/index.js';

const LABEL_KEYS = ['name', 'title', 'text'];
/** Long or editorial text, identifiers and computed fields: on the record page only. */
const NOT_IN_TABLE = new Set([
  'id',
  'sources',
  'aliases',
  'description',
  'summary',
  'note',
  'published_note',
  'title_supplied',
  'date_as_stated',
  'text_sha256',
  'archived_as',
  'url',
  'reported_fields',
]);

function tableColumns(collection: Collection): string[] {
  const top = [...new Set(collection.fields.map((f) => f.path[0] as string))];
  const labelKey = LABEL_KEYS.find((k) => top.includes(k));
  return top.filter(
    (key) =>
      key !== labelKey &&
      !NOT_IN_TABLE.has(key) &&
      !collection.fields.some((f) => f.path[0] === key && f.listPath?.length === 1 && !f.listOfScalars),
  );
}

function sortKey(value: unknown, text: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && DATE_PATTERN.test(value)) return parseDate(value).earliest;
  return text.toLowerCase();
}

export function tablePageHtml(site: SiteData, collection: Collection): string {
  const from = collectionPage(collection.name);
  const columns = tableColumns(collection);
  const ctx = { site, fields: fieldMap(collection.fields) };
  const rows: Html[] = [...collection.records]
    .sort((a, b) => labelOf(a).localeCompare(labelOf(b), 'en'))
    .map((record) => {
      const cells = columns.map((key) => {
        const value = record[key];
        if (value === undefined) return html`<td data-sort=""></td>`;
        const text = plainText(ctx, value, [key]);
        return html`<td data-sort="${sortKey(value, text)}">${text}</td>`;
      });
      return html`<tr><th scope="row"><a href="${href(from, recordPage(collection.name, record.id))}">${labelOf(record)}</a></th>${cells}</tr>`;
    });
  const title = humanize(collection.name);
  const body = html`<h1>${title}</h1>
<p>${collection.records.length} records. Each links to its page with every field and the source excerpts that support it.</p>
<div class="table-tools" hidden><label for="filter">Filter rows</label> <input type="search" id="filter" data-filter="records" autocomplete="off"> <span class="filter-count" aria-live="polite"></span></div>
<div class="table-wrap" tabindex="0" role="region" aria-label="${title} table, scrolls sideways">
<table id="records" class="records sortable">
<caption>${title}: one row per record</caption>
<thead><tr><th scope="col">${collection.name === 'quotes' ? 'Quote' : 'Name'}</th>${columns.map((key) => html`<th scope="col">${humanize(key)}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>
</div>`;
  return page(site, {
    path: from,
    title,
    description: `All ${collection.records.length} ${collection.name} of the dataset in a sortable table.`,
    body,
    script: true,
  });
}
