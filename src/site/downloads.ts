/**
 * The downloads page and the files it offers, copied from `dist/` under a folder named
 * by the version (`downloads/<version>/…`) so every link says which release it is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_DIR, DATAPACKAGE_JSON, JSON_DIR, SCHEMA_DIR } from '../model/index.js';
import type { SiteData } from './data.js';
import { type Html, href, html } from './html.js';
import { page } from './layout.js';

interface Download {
  /** Path inside `dist/`. */
  dist: string;
  /** Path inside the site. */
  site: string;
  bytes: number;
}

interface Group {
  heading: string;
  note: string;
  files: Download[];
}

const DOWNLOADS_PAGE = 'downloads/index.html';

function listDist(distDir: string, folder: string, ext: string): string[] {
  const dir = join(distDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => `${folder}/${f}`);
}

export function downloadGroups(site: SiteData, distDir: string): Group[] {
  const file = (dist: string): Download => ({
    dist,
    site: `downloads/${site.version}/${dist.replace(/^xlsx\//, '')}`,
    bytes: readFileSync(join(distDir, dist)).length,
  });
  const groups: Group[] = [
    {
      heading: 'Spreadsheet workbook',
      note: 'Excel workbook (.xlsx): an about sheet, then one sheet per collection, link table and the citations; opens in Excel, LibreOffice Calc and Google Sheets.',
      files: listDist(distDir, 'xlsx', '.xlsx').map(file),
    },
    {
      heading: 'CSV',
      note: 'One table per collection plus link tables (one row per reference) and citations.csv; UTF-8 with BOM, RFC 4180, lists joined with “|”.',
      files: listDist(distDir, CSV_DIR, '.csv').map(file),
    },
    {
      heading: 'JSON',
      note: 'One file per collection, records sorted by id; all.json holds every collection in one file.',
      files: listDist(distDir, JSON_DIR, '.json').map(file),
    },
    {
      heading: 'JSON Schema',
      note: 'JSON Schema 2020-12 per collection, generated from the Zod schemas: validates records exactly as the dataset does.',
      files: listDist(distDir, SCHEMA_DIR, '.schema.json').map(file),
    },
    {
      heading: 'Frictionless Data Package',
      note: 'datapackage.json describes every CSV with a Table Schema: types, constraints, primary and foreign keys (place it next to the csv/ folder).',
      files: existsSync(join(distDir, DATAPACKAGE_JSON)) ? [file(DATAPACKAGE_JSON)] : [],
    },
  ];
  return groups.filter((g) => g.files.length > 0);
}

const formatBytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

export function downloadsPageHtml(site: SiteData, groups: Group[]): string {
  const from = DOWNLOADS_PAGE;
  const body = html`<h1>Downloads</h1>
<p>Version <strong>${site.version}</strong> of the dataset. Every file is also on npm (<code>npm install ${site.name}@${site.version}</code>). Data licence: CC BY 4.0; credit the publishers of the sources you use.</p>
${groups.map(
  (g) => html`<section aria-labelledby="${slug(g.heading)}"><h2 id="${slug(g.heading)}">${g.heading}</h2><p>${g.note}</p>
<ul class="downloads">${g.files.map(
    (f) =>
      html`<li><a href="${href(from, f.site)}" download>${f.site.slice(`downloads/${site.version}/`.length)}</a> <span class="size">${formatBytes(f.bytes)}</span></li>`,
  )}</ul></section>`,
)}`;
  return page(site, {
    path: from,
    title: 'Downloads',
    description: `Download the ${site.name} dataset, version ${site.version}: workbook, CSV, JSON, JSON Schema and datapackage.json.`,
    body,
  });
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function downloadsSummary(from: string, site: SiteData, groups: Group[]): Html {
  return html`<ul class="links">${groups.map(
    (g) =>
      html`<li><a href="${href(from, DOWNLOADS_PAGE)}#${slug(g.heading)}">${g.heading}</a> (${g.files.length} file${g.files.length === 1 ? '' : 's'})</li>`,
  )}</ul><p>All files of version ${site.version}: <a href="${href(from, DOWNLOADS_PAGE)}">Downloads</a>.</p>`;
}
