/**
 * Renders the static site from a built `dist/`: every page as an output file, plus the
 * downloads to copy from `dist/` as they are (the workbook is binary). Writing the folder
 * is the caller's (scripts/site.ts), through the same output guard and atomic swap as the build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../emit/types.js';
import { COMBINED_JSON } from '../model/index.js';
import { SITE_CSS, SITE_JS } from './assets.js';
import { corridorMapHtml } from './corridor-map.js';
import { loadSiteData, recordPage } from './data.js';
import { downloadGroups, downloadsPageHtml } from './downloads.js';
import { homePageHtml } from './home.js';
import { CSS_PATH, JS_PATH } from './layout.js';
import { baseMap } from './map.js';
import { recordPageHtml } from './record.js';
import { tablePageHtml } from './tables.js';

interface SiteOptions {
  distDir: string;
  /** Recommended citation text for the home page. */
  citation: string;
}

interface RenderedSite {
  pages: OutputFile[];
  /** Files copied byte for byte: `from` inside dist/, `to` inside the site. */
  copies: { from: string; to: string }[];
}

export class MissingBuildError extends Error {
  override name = 'MissingBuildError';
}

export function renderSite(o: SiteOptions): RenderedSite {
  if (!existsSync(join(o.distDir, COMBINED_JSON)))
    throw new MissingBuildError(`${join(o.distDir, COMBINED_JSON)} not found: run \`npm run build\` first, then \`npm run site\``);
  const site = loadSiteData(o.distDir);
  const homeMap = baseMap('50m', 800);
  const pages: OutputFile[] = [
    { path: CSS_PATH, contents: SITE_CSS.trimStart() },
    { path: JS_PATH, contents: SITE_JS },
    { path: 'index.html', contents: homePageHtml(site, { citation: o.citation, map: homeMap, distDir: o.distDir }) },
  ];
  for (const collection of site.collections) {
    pages.push({ path: `${collection.name}/index.html`, contents: tablePageHtml(site, collection) });
    for (const record of collection.records) {
      const extra = collection.name === 'corridors' ? corridorMapHtml(site, record) : undefined;
      pages.push({ path: recordPage(collection.name, record.id), contents: recordPageHtml(site, collection, record, extra) });
    }
  }
  const groups = downloadGroups(site, o.distDir);
  pages.push({ path: 'downloads/index.html', contents: downloadsPageHtml(site, groups) });
  return { pages, copies: groups.flatMap((g) => g.files).map((f) => ({ from: f.dist, to: f.site })) };
}
