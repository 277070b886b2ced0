/**
 * verify-sources with texts: the full excerpt minimum, the coverage ledgers and the
 * coverage warnings, on a small synthetic source text written to a temp dir (the valid
 * fixture dataset, its source's hash pointed at that text).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { sourceCoverage, paragraphsOf } from '../src/verify/coverage.js';
import { sha256, verifySources } from '../src/verify/sources.js';
import { scratchDirs, VALID } from './helpers/run.js';

const fresh = scratchDirs('cc-verify-evidence-');

const FILLER = (n: number) =>
  `Filler paragraph ${n} talks about other matters at length, none of which any record cites: ${'weather, markets and sport; '.repeat(12)}end.`;

const BASE_LINES = [
  'By Jane Doe',
  'Azerbaijan and Türkiye proposed a route via Naxçıvan. +40 km of road and rail are planned, and a railway that is part of the corridor is under construction.',
  'Turkish President Recep Tayyip Erdoğan said: "=SUM(A1) | is not a formula". “Windows of opportunity have opened and should be seized,” Erdoğan said.',
  '',
  'On 25 September 2023, Erdogan spoke at a groundbreaking ceremony. The Shusha declaration of 15 June 2021 concerns the corridor. There the two leaders signed the declaration.',
  'Bilateral trade grew from $608 million to $688 million in the period March 2022-March 2023. First proposed in 2020, the route was under negotiation again by September 2023.',
  FILLER(1),
  FILLER(2),
  FILLER(3),
  FILLER(4),
];

const anchorOf = (line: string) => line.split(/\s+/).slice(0, 4).join(' ');

function baseLedger(lines: readonly string[]) {
  return {
    source: 'example-news',
    paragraphs: lines
      .filter((l) => l.trim())
      .map((line, i) =>
        line.startsWith('Filler') || line.startsWith('By ')
          ? { n: i + 1, anchor: line.startsWith('By ') ? line : anchorOf(line), reason: 'produced no record' }
          : { n: i + 1, anchor: anchorOf(line), records: ['corridors/example-corridor'] },
      ),
  };
}

interface Setup {
  lines?: string[];
  ledger?: ((ledger: ReturnType<typeof baseLedger>) => unknown) | null;
  files?: Record<string, (yaml: string) => string>;
}

function run({ lines = BASE_LINES, ledger = (l) => l, files = {} }: Setup = {}) {
  const root = fresh('case');
  const dataDir = join(root, 'data');
  const textsDir = join(root, 'texts');
  const ledgersDir = join(root, 'ledgers');
  cpSync(VALID, dataDir, { recursive: true });
  mkdirSync(textsDir);
  mkdirSync(ledgersDir);
  const text = `${lines.join('\n')}\n`;
  writeFileSync(join(textsDir, 'example-news.txt'), text);
  const sourceFile = join(dataDir, 'sources', 'example-news.yaml');
  writeFileSync(sourceFile, readFileSync(sourceFile, 'utf8').replace(/text_sha256: .*/, `text_sha256: ${sha256(Buffer.from(text))}`));
  for (const [path, edit] of Object.entries(files)) writeFileSync(join(dataDir, path), edit(readFileSync(join(dataDir, path), 'utf8')));
  if (ledger !== null) writeFileSync(join(ledgersDir, 'example-news.yaml'), YAML.stringify(ledger(baseLedger(lines))));
  const result = verifySources(dataDir, { textsDir, ledgersDir });
  const show = (p: { file: string; line: number; col: number; rule: string; message: string }) =>
    `${relative(root, p.file.startsWith('/') ? p.file : join(process.cwd(), p.file))}:${p.line}:${p.col}: ${p.rule}: ${p.message}`;
  rmSync(textsDir, { recursive: true });
  return { problems: result.problems.map(show), warnings: result.warnings.map(show), result };
}

describe('verify-sources: baseline', () => {
  it('the synthetic text, its ledger and the valid fixtures agree', () => {
    const { problems, warnings } = run();
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('verify-sources: coverage ledgers', () => {
  it('a ledger missing a paragraph fails', () => {
    const { problems } = run({ ledger: (l) => ({ ...l, paragraphs: l.paragraphs.filter((p) => p.n !== 3) }) });
    expect(problems).toEqual([
      expect.stringMatching(
        /^ledgers\/example-news\.yaml:2:1: ledger: paragraph 3 of "example-news" is missing: add \{ n: 3, anchor: "Turkish President Recep Tayyip Erdoğan said:", records: /,
      ),
    ]);
  });

  it('an anchor that is not how the paragraph begins fails, and says how it begins', () => {
    const { problems } = run({
      ledger: (l) => ({ ...l, paragraphs: l.paragraphs.map((p) => (p.n === 2 ? { ...p, anchor: 'Azerbaijan and Turkey proposed' } : p)) }),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^ledgers\/example-news\.yaml:\d+:\d+: ledger: anchor "Azerbaijan and Turkey proposed" is not how paragraph 2 begins: it begins "Azerbaijan and Türkiye proposed a route"$/,
    );
  });

  it('an anchor of too many words fails', () => {
    const long = BASE_LINES[1]!.split(' ').slice(0, 9).join(' ');
    const { problems } = run({ ledger: (l) => ({ ...l, paragraphs: l.paragraphs.map((p) => (p.n === 2 ? { ...p, anchor: long } : p)) }) });
    expect(problems).toEqual([expect.stringMatching(/ledger: anchor of paragraph 2 has 9 words: give its first 3–8 words/)]);
  });

  it('a listed record that does not cite the source, or does not exist, fails', () => {
    const { problems } = run({
      ledger: (l) => ({
        ...l,
        paragraphs: l.paragraphs.map((p) =>
          p.n === 2 ? { ...p, records: ['corridors/example-corridor', 'corridors/nowhere', 'sources/example-news'] } : p,
        ),
      }),
    });
    expect(problems.map((p) => p.replace(/^[^ ]+ /, ''))).toEqual([
      'ledger: no record corridors/nowhere: list records as collection/id of existing records (data/corridors/nowhere.yaml)',
      'ledger: sources/example-news does not cite "example-news": list only records with a citation of this source, or add the citation to data/sources/example-news.yaml',
    ]);
  });

  it('a source whose text is present but which has no ledger fails', () => {
    const { problems } = run({ ledger: null });
    expect(problems).toEqual([
      expect.stringMatching(
        /^data\/sources\/example-news\.yaml:1:5: ledger: source "example-news" has its text but no coverage ledger: write .*ledgers\/example-news\.yaml listing every paragraph/,
      ),
    ]);
  });

  it('a ledger that breaks its schema is located', () => {
    const { problems } = run({
      ledger: (l) => ({ ...l, paragraphs: l.paragraphs.map((p) => (p.n === 1 ? { n: 1, anchor: p.anchor } : p)) }),
    });
    expect(problems).toEqual([expect.stringMatching(/^ledgers\/example-news\.yaml:3:5: ledger: .*records .* reason/)]);
  });
});

describe('verify-sources: coverage warnings (printed, not failures)', () => {
  it('excerpts covering more than half of a source', () => {
    const lines = BASE_LINES.filter((l) => !l.startsWith('Filler'));
    const { problems, warnings, result } = run({ lines });
    expect(problems).toEqual([]);
    expect(result.coverage.get('example-news')!.share).toBeGreaterThan(0.5);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^data\/sources\/example-news\.yaml:1:5: excerpt-coverage: the excerpts citing "example-news" together cover \d+(\.\d)? % of its text \(more than 50 %\)/,
      ),
    ]);
  });

  it('a paragraph over 300 characters reproduced whole by the excerpts together', () => {
    const long = `${'The long paragraph begins here and runs on for a while. '.repeat(5)}Then it keeps going with the second half of its text, long enough.`;
    const halves = [long.slice(0, 190), long.slice(180)];
    const lines = [...BASE_LINES, long];
    const { problems, warnings } = run({
      lines,
      files: {
        'corridors/example-railway.yaml': (y) =>
          `${y}${halves.map((h) => `  - source: example-news\n    excerpt: ${JSON.stringify(h)}\n    supports: [kind]\n`).join('')}`,
      },
    });
    expect(long.length).toBeGreaterThan(300);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /paragraph-reproduced: the excerpts citing "example-news" reproduce paragraph 10 whole \(\d+ characters, over 300\)/,
      ),
    ]);
  });

  it('coverage counts each character once, however many excerpts repeat it', () => {
    const text = 'one two three four five six seven eight nine ten\nsecond line here';
    const once = sourceCoverage(text, ['one two three']);
    expect(sourceCoverage(text, ['one two three', 'two three', 'one two three']).covered).toBe(once.covered);
    expect(once.covered).toBe('one two three'.length);
    expect(paragraphsOf('a\n\n  b  c \r\n').map((p) => [p.n, p.text])).toEqual([
      [1, 'a'],
      [2, 'b c'],
    ]);
  });
});

describe('verify-sources: excerpt minimum with texts', () => {
  const withExcerpt = (excerpt: string) =>
    run({
      files: {
        'actors/turkiye.yaml': (y) => y.replace(/excerpt: .*/, `excerpt: ${JSON.stringify(excerpt)}`),
      },
    });

  it('a short excerpt that is not a whole line fails, saying what an excerpt must be', () => {
    const { problems } = withExcerpt('Jane Doe');
    expect(problems).toEqual([
      expect.stringMatching(
        /^data\/actors\/turkiye\.yaml:\d+:\d+: excerpt-minimum: excerpt "Jane Doe" is too short to be evidence: an excerpt is a verbatim span of the source of at least 2 words and 10 characters, or a whole line of the source/,
      ),
    ]);
  });

  it('a short excerpt that is a whole line of the text (a byline) passes', () => {
    expect(withExcerpt('By Jane Doe').problems).toEqual([]);
  });

  it.each([' ', '\t', '.', 'the'])('%j fails here too', (excerpt) => {
    const { problems } = withExcerpt(excerpt);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/excerpt ".*" is too short to be evidence: an excerpt is a verbatim span/);
  });
});
