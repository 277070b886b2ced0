import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections as registry } from '../../src/schema/index.js';
import { listFields } from '../../src/schema/walk.js';
import { BUILD_MARKER } from '../../src/safe-output.js';
import { buildSite as build } from '../../scripts/site.js';
import { DIST } from './support.js';

const scratch = mkdtempSync(join(tmpdir(), 'site-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const citation = 'Example citation.';
const buildSite = (o: { distDir: string; outDir: string; citation: string }) => build(o.distDir, o.outDir, o.citation);

function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

describe('npm run site', () => {
  it('writes byte-identical sites on two builds', async () => {
    await buildSite({ distDir: DIST, outDir: join(scratch, 'a'), citation });
    await buildSite({ distDir: DIST, outDir: join(scratch, 'b'), citation });
    const a = tree(join(scratch, 'a'));
    const b = tree(join(scratch, 'b'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path) as Buffer), path).toBe(true);
  });

  it('replaces a site it wrote, and refuses a folder it did not, or dist/ itself', async () => {
    const out = join(scratch, 'a'); // built by the test above
    writeFileSync(join(out, 'stale.html'), 'old');
    await buildSite({ distDir: DIST, outDir: out, citation });
    expect(readdirSync(out)).not.toContain('stale.html');

    const foreign = join(scratch, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'keep me');
    await expect(buildSite({ distDir: DIST, outDir: foreign, citation })).rejects.toThrow(
      /not a previous build.*would delete notes.txt; choose a new or empty folder/,
    );
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(foreign)).not.toContain(BUILD_MARKER);
    await expect(buildSite({ distDir: DIST, outDir: DIST, citation })).rejects.toThrow(
      /refusing to write to .*: it is the data folder being built/,
    );
  });

  it('says to build first when dist/ is missing', async () => {
    await expect(buildSite({ distDir: join(scratch, 'nothing'), outDir: join(scratch, 'x'), citation })).rejects.toThrow(
      /run `npm run build` first/,
    );
  });
});

/** The evidence model of the schema spec (events, supports, certainty, connects, undated status history, reported_fields). */
describe('the site on the evidence model', () => {
  const out = join(scratch, 'model');
  beforeAll(() => buildSite({ distDir: join(import.meta.dirname, 'fixtures', 'new-model'), outDir: out, citation }));
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  const field = (page: string, key: string) => {
    const start = page.indexOf(`data-field="${key}"`);
    expect(start, `field ${key}`).toBeGreaterThan(-1);
    const end = page.indexOf('<div class="field', start);
    return page.slice(start, end === -1 ? page.indexOf('</dl>', start) : end);
  };
  const known = (collection: string, path: string) => {
    const entry = (registry as Record<string, { schema: Parameters<typeof listFields>[0] }>)[collection];
    return Boolean(entry && listFields(entry.schema).some((f) => f.path.join('.') === path && f.ref));
  };

  it('puts each excerpt beside the fields it supports and marks reported facts', () => {
    const page = read('corridors/example-railway/index.html');
    expect(field(page, 'countries')).toContain('a railway from Azerbaijan through Georgia to Turkey');
    expect(field(page, 'connects')).toContain('a railway from Azerbaijan through Georgia to Turkey');
    expect(field(page, 'countries')).toContain('“The first piece” in');
    expect(field(page, 'countries')).toContain('Example Outlet, 25 September 2023');
    const status = field(page, 'status');
    expect(status).toMatch(/<dt>Status <span class="badge reported"/);
    expect(status).toContain('talks on the railway apparently began later that year');
    const history = field(page, 'status_history');
    expect(history).toContain('the railway was proposed in March 2021');
    expect(history).toContain('<code>status_history[1]</code>');
    expect(history).toMatch(/id="f-status_history-1">[\s\S]*later that year[\s\S]*badge reported[\s\S]*<\/li>/);
    expect(field(page, 'note')).not.toContain('<blockquote>');
    expect(page).not.toContain('data-field="reported_fields"');
    expect(page).not.toContain('Evidence for the record');
  });

  it('maps the countries a corridor crosses and those it connects', () => {
    const page = read('corridors/example-railway/index.html');
    const cls = (iso: string) => new RegExp(`<path class="([^"]*)" data-iso="${iso}"`).exec(page)?.[1];
    expect(cls('AZ')).toContain('hl-cross');
    expect(cls('GE')).toContain('hl-cross');
    expect(cls('TR')).toContain('hl-connect');
    expect(cls('AM')).toBe('c');
    const home = read('index.html');
    expect(home).toContain('data-crosses="AZ GE" data-connects="TR"');
  });

  it('draws events, agreements and status changes on the timeline, undated ones apart', () => {
    const home = read('index.html');
    const [timeline, undated] = home.slice(home.indexOf('<ol class="tl">')).split('<h3>Undated</h3>') as [string, string];
    expect(timeline).toMatch(/class="tl-item k-event p-range[^"]*"[\s\S]*10 May 2022[\s\S]*12 May 2022[\s\S]*Example summit/);
    expect(timeline).toMatch(/class="tl-item k-agreement p-year uncertain"[\s\S]*2022 \(uncertain\)[\s\S]*Example accord/);
    expect(timeline).toMatch(/class="tl-item k-status p-month"[\s\S]*March 2021[\s\S]*Example railway: proposed/);
    expect(undated).toMatch(/Example railway: under negotiation<\/a>[^<]*<span class="tl-kind">Status change<\/span> — “later that year”/);
    expect(undated).toMatch(/Example visit<\/a>[^<]*<span class="tl-kind">Event<\/span> — “on Monday”/);
  });

  it('has a table and a page for events, and figures without a dated period', () => {
    expect(read('events/index.html')).toContain('Example summit');
    expect(field(read('events/example-visit/index.html'), 'kind')).toMatch(/badge reported/);
    const figure = read('trade-figures/example-turnover/index.html');
    expect(field(figure, 'from_value')).toContain('608,000,000');
    expect(field(figure, 'period')).toContain('in the last year');
  });

  it('links references both ways, including the new ones', () => {
    const corridor = read('corridors/example-railway/index.html');
    const referencedBy = corridor.slice(corridor.indexOf('id="referenced-by"'));
    expect(referencedBy).toContain('../../agreements/example-accord/index.html');
    expect(referencedBy).toContain('../../quotes/example-quote/index.html');
    if (known('events', 'corridors')) expect(referencedBy).toContain('../../events/example-summit/index.html');
    if (known('corridors', 'connects')) expect(read('actors/turkey/index.html')).toContain('../../corridors/example-railway/index.html');
    if (known('quotes', 'event')) expect(read('events/example-summit/index.html')).toContain('../../quotes/example-quote/index.html');
  });
});
