/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections as registry } from '../../src/schema/index.js';
import { listFields } from '../../src/schema/walk.js';
import { type Browser, DIST, ROOT, SITE, launch, serve } from './support.js';

type Rec = Record<string, unknown> & { id: string };
interface Citation {
  source: string;
  excerpt: string;
  supports?: string[];
  certainty?: string;
}
const all = JSON.parse(readFileSync(join(DIST, 'json', 'all.json'), 'utf8')) as { version: string; collections: Record<string, Rec[]> };
const countryCode = new Map(all.collections.actors?.map((a) => [a.id, a.country_code as string | undefined]));
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

const problems: string[] = [];

beforeAll(async () => {
  server = await serve(SITE);
  browser = await launch();
  await crawl();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and collects console errors and uncaught exceptions while it loads. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`exception: ${e.message}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response && !response.ok()) errors.push(`HTTP ${response.status()}`);
  return { page, errors };
}

/** Bytes of a page's HTML plus the stylesheets and scripts it loads from the site. */
function pageWeight(file: string): number {
  const htmlText = readFileSync(file, 'utf8');
  let bytes = Buffer.byteLength(htmlText);
  for (const m of htmlText.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g))
    bytes += readFileSync(join(file, '..', m[1] as string)).length;
  return bytes;
}

interface Shown {
  fields: Record<string, { evidence: string[]; reported: boolean; reportedInside: number }>;
  whole: string[];
  reportedCites: string[];
}

interface Visited {
  ids: string[];
  links: string[];
  /** What a record page shows: field rows with their excerpts, whole-record evidence, excerpts marked reported. */
  shown: Shown;
}

const visited = new Map<string, Visited>();

/** Visits every page reachable from the home page, as a reader following links would. */
async function crawl(): Promise<void> {
  const queue = [`${server.base}index.html`];
  const seen = new Set(queue);
  while (queue.length) {
    const url = queue.shift() as string;
    const { page, errors } = await open(url);
    for (const e of errors) problems.push(`${url}: ${e}`);
    const found = await page.evaluate(() => {
      const fields: Shown['fields'] = {};
      for (const el of document.querySelectorAll<HTMLElement>('[data-field]'))
        fields[el.dataset.field as string] = {
          evidence: [...el.querySelectorAll('.evidence blockquote')].map((b) => (b.textContent ?? '').trim()),
          reported: Boolean(el.querySelector(':scope > dt .badge.reported')),
          reportedInside: el.querySelectorAll('.value .badge.reported').length,
        };
      return {
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        links: [...document.querySelectorAll('a[href], link[href], script[src]')].map(
          (e) => (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src,
        ),
        shown: {
          fields,
          whole: [...document.querySelectorAll('#whole-evidence ~ figure blockquote')].map((b) => (b.textContent ?? '').trim()),
          reportedCites: [...document.querySelectorAll('figure.cite')]
            .filter((f) => f.querySelector('.badge.reported'))
            .map((f) => (f.querySelector('blockquote')?.textContent ?? '').trim()),
        },
      };
    });
    await page.close();
    visited.set(url, found);
    for (const link of found.links) {
      const target = link.split('#')[0] as string;
      if (!target.startsWith(server.base) || !target.endsWith('.html') || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
}

describe('the site served under a sub-path', () => {
  it('reaches every page the generator wrote', () => {
    const pages = all.collections;
    const expected = 1 + 1 + Object.values(pages).reduce((n, records) => n + 1 + records.length, 0);
    expect(visited.size).toBe(expected);
  });

  it('has no console error, failed load or uncaught exception on any page', () => {
    expect(problems).toEqual([]);
  });

  it('makes no request beyond 127.0.0.1', async () => {
    expect(browser.blocked).toEqual([]);
    // The guard itself: a request to another host is caught and aborted.
    const { page } = await open(`${server.base}index.html`);
    await page.evaluate(() => fetch('https://example.invalid/probe').catch(() => undefined));
    await page.close();
    expect(browser.blocked).toEqual(['https://example.invalid/probe']);
    browser.blocked.length = 0;
  });

  it('resolves every internal link, fragments included', async () => {
    const broken: string[] = [];
    const checked = new Map<string, number>();
    for (const [url, { links }] of visited)
      for (const link of links) {
        if (!link.startsWith('http://127.0.0.1')) continue;
        const [target, fragment] = link.split('#') as [string, string | undefined];
        if (!target.startsWith(server.base)) {
          broken.push(`${url} → ${link} (outside the site's sub-path)`);
          continue;
        }
        if (target.endsWith('.html')) {
          const page = visited.get(target);
          if (!page) broken.push(`${url} → ${link} (page not reached)`);
          else if (fragment && !page.ids.includes(decodeURIComponent(fragment)))
            broken.push(`${url} → ${link} (no element with id "${fragment}")`);
          continue;
        }
        if (!checked.has(target)) checked.set(target, (await fetch(target)).status);
        if (checked.get(target) !== 200) broken.push(`${url} → ${link} (HTTP ${checked.get(target)})`);
      }
    expect(broken).toEqual([]);
    expect(checked.size).toBeGreaterThan(10);
  });

  it('keeps every page under 300 KB of HTML, CSS and JS', () => {
    const weights = [...visited.keys()].map((url) => {
      const file = join(SITE, decodeURIComponent(new URL(url).pathname).slice('/caucasus-corridors/'.length));
      return { url, kb: pageWeight(file) / 1024 };
    });
    const heavy = weights.filter((w) => w.kb > 300);
    expect(heavy).toEqual([]);
    const max = weights.reduce((a, b) => (b.kb > a.kb ? b : a));
    console.log(`heaviest page: ${max.url} ${max.kb.toFixed(1)} KB; ${weights.length} pages`);
  });
});

describe('the map', () => {
  it('draws the countries and highlights the ones a selected corridor crosses and connects', async () => {
    const { page, errors } = await open(`${server.base}index.html`);
    const drawn = await page.locator('#home-map path[data-iso]').count();
    expect(drawn).toBeGreaterThan(20);
    for (const code of ['AZ', 'AM', 'GE', 'TR', 'IR', 'TM', 'KZ'])
      expect(await page.locator(`#home-map path[data-iso="${code}"]`).count()).toBe(1);
    const highlighted = async (cls: string) =>
      (await page.locator(`#home-map path.${cls}`).evaluateAll((ps) => ps.map((p) => p.getAttribute('data-iso') ?? ''))).sort();
    expect(await highlighted('hl-cross')).toEqual([]);

    const onMap = new Set(await page.locator('#home-map path[data-iso]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-iso'))));
    const expected = (c: Rec, field: string) =>
      [
        ...new Set(
          ((c[field] as string[] | undefined) ?? [])
            .map((id) => countryCode.get(id))
            .filter((x): x is string => Boolean(x) && onMap.has(x as string)),
        ),
      ].sort();
    const corridors = (all.collections.corridors ?? []).filter((c) => expected(c, 'countries').length > 0);
    // Corridors with different countries in turn: the highlight must follow each selection.
    const picks = corridors
      .filter((c, i) => corridors.findIndex((d) => expected(d, 'countries').join() === expected(c, 'countries').join()) === i)
      .slice(0, 4);
    expect(picks.length).toBeGreaterThan(1);
    for (const corridor of picks) {
      await page.selectOption('#map-corridor', corridor.id);
      const crosses = await highlighted('hl-cross');
      expect(crosses).toEqual(expected(corridor, 'countries'));
      expect(await highlighted('hl-connect')).toEqual(expected(corridor, 'connects').filter((c) => !crosses.includes(c)));
      expect(await page.locator('.map-status').textContent()).toContain(corridor.name as string);
    }
    await page.selectOption('#map-corridor', '');
    expect(await highlighted('hl-cross')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('tables', () => {
  it('filter box reduces the rows; headers sort', async () => {
    const { page, errors } = await open(`${server.base}corridors/index.html`);
    const rows = page.locator('#records tbody tr');
    const total = await rows.count();
    expect(total).toBe(all.collections.corridors?.length);
    await page.fill('#filter', 'railway');
    const visible = page.locator('#records tbody tr:visible');
    const shown = await visible.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    for (const text of await visible.allTextContents()) expect(text.toLowerCase()).toContain('railway');
    expect(await page.locator('.filter-count').textContent()).toBe(`${shown} of ${total} rows`);
    await page.fill('#filter', '');
    expect(await visible.count()).toBe(total);

    await page.locator('#records thead th').first().locator('button').click();
    await page.locator('#records thead th').first().locator('button').click();
    expect(await page.locator('#records thead th').first().getAttribute('aria-sort')).toBe('descending');
    const names = await page.locator('#records tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('record pages', () => {
  const schemaHasSupports = Object.values(registry).some((c) => listFields(c.schema).some((f) => f.path.join('.') === 'sources.supports'));

  it('show every field, each excerpt next to the fields it supports, reported facts marked', () => {
    const missing: string[] = [];
    let besideField = 0;
    for (const [collection, records] of Object.entries(all.collections))
      for (const record of records) {
        const shown = visited.get(`${server.base}${collection}/${record.id}/index.html`)?.shown;
        if (!shown) {
          missing.push(`${collection}/${record.id}: page not reached`);
          continue;
        }
        const where = `${collection}/${record.id}`;
        for (const key of Object.keys(record)) {
          if (key === 'reported_fields' || (key === 'sources' && collection !== 'sources')) continue;
          if (!shown.fields[key]) missing.push(`${where}: field ${key} not shown`);
        }
        for (const path of (record.reported_fields as string[] | undefined) ?? []) {
          const top = path.split(/[.[]/, 1)[0] as string;
          const marked = top === path ? shown.fields[top]?.reported : Boolean(shown.fields[top]?.reportedInside);
          if (!marked) missing.push(`${where}: ${path} not marked reported`);
        }
        if (collection === 'sources') continue;
        for (const c of record.sources as Citation[]) {
          if (c.certainty === 'reported' && !shown.reportedCites.includes(c.excerpt))
            missing.push(`${where}: reported excerpt not marked: ${c.excerpt}`);
          if (!c.supports?.length) {
            if (!shown.whole.includes(c.excerpt)) missing.push(`${where}: excerpt not shown: ${c.excerpt}`);
            continue;
          }
          for (const path of c.supports) {
            const field = path.split(/[.[]/, 1)[0] as string;
            if (!shown.fields[field]?.evidence.includes(c.excerpt)) missing.push(`${where}: excerpt not beside ${field}: ${c.excerpt}`);
            else besideField++;
          }
        }
      }
    expect(missing).toEqual([]);
    if (schemaHasSupports) expect(besideField).toBeGreaterThan(0);
  });

  it('link a corridor to the agreements, quotes and events that reference it, and draw its map', async () => {
    const id = 'zangezur-corridor';
    const { page } = await open(`${server.base}corridors/${id}/index.html`);
    const referencing = Object.entries(all.collections).flatMap(([collection, records]) =>
      records
        .filter((r) => collection !== 'corridors' && JSON.stringify([r.corridors, r.corridor]).includes(`"${id}"`))
        .map((r) => `${collection}/${r.id}/index.html`),
    );
    expect(referencing.length).toBeGreaterThan(0);
    const hrefs = await page.locator('#referenced-by ~ ul a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const target of referencing) expect(hrefs.some((h) => h.endsWith(target))).toBe(true);
    const crossed = await page.locator('#corridor-map path.hl-cross').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-iso')));
    expect(crossed.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('downloads', () => {
  it('offer every CSV, JSON, JSON Schema, datapackage.json and workbook of dist/, byte for byte, versioned', async () => {
    const { page } = await open(`${server.base}downloads/index.html`);
    const links = await page.locator('a[download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    await page.close();
    const prefix = `${server.base}downloads/${all.version}/`;
    const offered = new Set<string>();
    for (const link of links) {
      expect(link.startsWith(prefix)).toBe(true);
      const rest = link.slice(prefix.length);
      const distPath = rest.endsWith('.xlsx') ? `xlsx/${rest}` : rest;
      const response = await fetch(link);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(DIST, distPath)))).toBe(true);
      offered.add(distPath);
    }
    const { readdirSync } = await import('node:fs');
    const expected = ['csv', 'json', 'schema', 'xlsx']
      .filter((dir) => existsSync(join(DIST, dir)))
      .flatMap((dir) =>
        readdirSync(join(DIST, dir))
          .filter((f) => /\.(csv|json|xlsx)$/.test(f))
          .map((f) => `${dir}/${f}`),
      );
    expected.push('datapackage.json');
    expect([...offered].sort()).toEqual(expected.sort());
  });
});

describe('accessibility', () => {
  for (const path of ['index.html', 'corridors/index.html', 'corridors/zangezur-corridor/index.html'])
    it(`axe-core finds no serious or critical violation on ${path}`, async () => {
      const { page } = await open(`${server.base}${path}`);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: {
              run: () => Promise<{
                violations: {
                  id: string;
                  impact: string;
                  nodes: { target: unknown }[];
                }[];
              }>;
            };
          }
        ).axe.run();
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
        }));
      });
      await page.close();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    });
});

describe('from file://', () => {
  for (const path of ['index.html', 'corridors/zangezur-corridor/index.html'])
    it(`${path} loads with its style and script, and its links name existing files`, async () => {
      const { page, errors } = await open(pathToFileURL(join(SITE, path)).href);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui');
      const links = await page
        .locator('a[href]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href).filter((h) => h.startsWith('file:')));
      expect(links.length).toBeGreaterThan(5);
      for (const link of links) expect(existsSync(decodeURIComponent(new URL(link).pathname)), link).toBe(true);
      if (path === 'index.html') {
        await page.selectOption('#map-corridor', 'zangezur-corridor');
        expect(await page.locator('#home-map path.hl-cross').count()).toBeGreaterThan(0);
      }
      await page.close();
      expect(browser.blocked).toEqual([]);
    });
});

describe('screenshots', () => {
  it('of the home page and a corridor page at desktop and phone width', async () => {
    const dir = join(ROOT, 'site-screenshots');
    mkdirSync(dir, { recursive: true });
    for (const [name, path] of [
      ['home', 'index.html'],
      ['corridor', 'corridors/zangezur-corridor/index.html'],
    ])
      for (const [device, width, height] of [
        ['desktop', 1280, 900],
        ['phone', 390, 844],
      ] as const) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width, height });
        await page.goto(`${server.base}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: join(dir, `${name}-${device}.png`),
          fullPage: true,
        });
        await page.close();
      }
  });
});
