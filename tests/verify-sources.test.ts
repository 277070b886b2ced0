/**
 * Unit tests of verify-sources' rules (issue #13): the source text is found by its hash
 * (source-text), every excerpt is a verbatim span of it up to whitespace (excerpt-verbatim),
 * no excerpt reproduces the opening of a long paragraph (excerpt-length), and missing texts
 * are either problems or, with allowMissing, counted and skipped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAGRAPH_PREFIX, verifySources } from '../src/verify/sources.js';
import { scratchDirs } from './helpers/run.js';

const fresh = scratchDirs('cc-verify-');
const VERIFY_RULES = new Set(['source-text', 'excerpt-verbatim', 'excerpt-length']);

const LONG_PARAGRAPH =
  'The ministers met in Baku for a long session on the corridor and agreed that the railway through the region would be built in stages, with the first section opening to freight traffic before any passenger service was considered by either of the two governments involved in the talks.';
const TEXT = [
  'Corridor news',
  'Azerbaijan and Türkiye proposed a route via Naxçıvan.',
  'The railway is part of the corridor,\nsaid the minister.',
  LONG_PARAGRAPH,
  '',
].join('\n');

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** data/ with one source (hash of `hashOf`), two countries and one corridor citing `excerpts`; texts/ holding `text`. */
function setup(excerpts: string[], { text = TEXT, hashOf = TEXT }: { text?: string | null; hashOf?: string } = {}) {
  const root = fresh('case');
  const data = join(root, 'data');
  const files: Record<string, string> = {
    'sources/news.yaml': `id: news\ntitle: Corridor news\nkind: news-article\nlanguage: en\ntext_sha256: "${sha(hashOf)}"\narchived_as: news.txt\n`,
    'actors/azerbaijan.yaml': `id: azerbaijan\nkind: country\nname: Azerbaijan\ncountry_code: AZ\nsources:\n  - source: news\n    excerpt: Azerbaijan and Türkiye proposed a route via Naxçıvan.\n    supports: [name]\n`,
    'corridors/route.yaml': `id: route\nname: Route\nkind: corridor\nstatus: proposed\nsources:\n${excerpts
      .map((e) => `  - source: news\n    excerpt: ${JSON.stringify(e)}\n    supports: [name, kind, status]\n`)
      .join('')}`,
  };
  for (const c of ['sources', 'actors', 'corridors', 'agreements', 'events', 'trade-figures', 'quotes'])
    mkdirSync(join(data, c), { recursive: true });
  for (const [path, contents] of Object.entries(files)) writeFileSync(join(data, path), contents);
  const texts = join(root, 'texts');
  mkdirSync(texts);
  if (text !== null) writeFileSync(join(texts, 'news.txt'), text);
  return { data, texts };
}

function verify(excerpts: string[], options: Parameters<typeof setup>[1] & { allowMissing?: boolean } = {}) {
  const { data, texts } = setup(excerpts, options);
  const result = verifySources(data, { textsDir: texts, allowMissing: options.allowMissing });
  return {
    ...result,
    lines: result.problems
      .filter((p) => VERIFY_RULES.has(p.rule))
      .map((p) => `${p.file.split(`${data}/`).join('')}:${p.line}:${p.col}: ${p.rule}: ${p.message}`),
  };
}

describe('verify-sources', () => {
  it('hash match: the text is found by its SHA-256 and every excerpt is checked against it', () => {
    const result = verify(['The railway is part of the corridor, said the minister.']);
    expect(result.lines).toEqual([]);
    expect(result.missingSources).toEqual([]);
    expect(result.checkedExcerpts).toBe(2);
    expect(result.skippedExcerpts).toBe(0);
  });

  it('hash mismatch: the source is reported at text_sha256 and its excerpts are not checked', () => {
    const result = verify(['not in the text at all, yet not reported'], { hashOf: `${TEXT} ` });
    expect(result.lines).toEqual([
      expect.stringMatching(
        /^sources\/news\.yaml:5:14: source-text: no file in \S+\/texts has this SHA-256 \(expected news\.txt\): add the text, fix the hash, or pass --allow-missing$/,
      ),
    ]);
    expect(result.missingSources).toEqual(['news']);
    expect(result.checkedExcerpts).toBe(0);
    expect(result.skippedExcerpts).toBe(2);
  });

  it('missing texts: a problem by default; with allowMissing, counted and skipped without a problem', () => {
    expect(verify(['anything at all here'], { text: null }).lines).toEqual([
      expect.stringMatching(/^sources\/news\.yaml:5:14: source-text: no file in .* has this SHA-256/),
    ]);
    const allowed = verify(['anything at all here'], { text: null, allowMissing: true });
    expect(allowed.lines).toEqual([]);
    expect(allowed.missingSources).toEqual(['news']);
    expect(allowed.skippedExcerpts).toBe(2);
    expect(allowed.checkedExcerpts).toBe(0);
  });

  it('verbatim: whitespace may differ, any other character may not; the message shows where it diverges', () => {
    expect(verify(['The railway  is part of the corridor,\n  said the minister.']).lines).toEqual([]);
    expect(verify(['The railway is part of the corridor, said the ministers.']).lines).toEqual([
      'corridors/route.yaml:7:14: excerpt-verbatim: excerpt is not a verbatim span of source "news"; it matches up to " part of the corridor, said the minister" and then differs at "s." (copy it character for character; only whitespace may differ)',
    ]);
    expect(verify(['Azerbaijan and Turkiye proposed a route']).lines).toEqual([
      'corridors/route.yaml:7:14: excerpt-verbatim: excerpt is not a verbatim span of source "news"; it matches up to "Azerbaijan and T" and then differs at "urkiye proposed a ro" (copy it character for character; only whitespace may differ)',
    ]);
  });

  it(`length guard: an excerpt may not reproduce the first ${PARAGRAPH_PREFIX} characters of a paragraph`, () => {
    expect(LONG_PARAGRAPH.length).toBeGreaterThan(PARAGRAPH_PREFIX);
    const opening = LONG_PARAGRAPH.slice(0, PARAGRAPH_PREFIX + 5);
    expect(verify([opening]).lines).toEqual([
      `corridors/route.yaml:7:14: excerpt-length: excerpt reproduces the first ${PARAGRAPH_PREFIX}+ characters of a paragraph of "news": quote only the clause that supports the record (source texts are not ours to redistribute)`,
    ]);
    // A long span that does not start the paragraph, or a short opening, is evidence, not a copy.
    expect(verify([LONG_PARAGRAPH.slice(20, PARAGRAPH_PREFIX + 40)]).lines).toEqual([]);
    expect(verify([LONG_PARAGRAPH.slice(0, 60)]).lines).toEqual([]);
  });
});
