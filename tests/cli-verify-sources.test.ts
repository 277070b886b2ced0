/**
 * verify-sources on a --texts folder that is not to be trusted: a bad text file (dangling
 * or looping link, FIFO, over the size limit, link out of the folder) is a located problem,
 * every other file is still read and every excerpt still checked.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_MAX_MIB } from '../src/verify/text-files.js';
import type { Problem } from '../src/problems.js';
import { cli, fixtureCopy, tempDir } from './cli-support.js';

const dir = fixtureCopy('base');
const data = join(dir, 'data');
const outside = tempDir();
/** One text holding every excerpt of the fixture, so that every excerpt verifies. */
let text = '';
let excerpts = 0;

beforeAll(() => {
  const lines: string[] = [];
  for (const collection of readdirSync(data))
    for (const file of readdirSync(join(data, collection))) {
      const record = parse(readFileSync(join(data, collection, file), 'utf8')) as { sources?: { excerpt: string }[] };
      for (const citation of record.sources ?? []) lines.push(citation.excerpt);
    }
  excerpts = lines.length;
  // Text that no record cites, so the excerpts cover well under half of the text.
  lines.push(Array.from({ length: 2 * lines.join(' ').split(' ').length }, (_, i) => `word${i}`).join(' '));
  text = `${lines.join('\n')}\n`;
  const sha = createHash('sha256').update(text).digest('hex');
  const source = join(data, 'sources', 'example-news.yaml');
  writeFileSync(source, readFileSync(source, 'utf8').replace(/text_sha256: "[0-9a-f]+"/, `text_sha256: "${sha}"`));
  writeFileSync(join(outside, 'example-news.txt'), text);
  // The coverage ledger verify-sources asks for: every paragraph (line) of the text.
  const paragraphs = lines.map(
    (line, i) => `  - n: ${i + 1}\n    anchor: ${JSON.stringify(line.replace(/\s+/g, ' ').trim())}\n    reason: test text`,
  );
  mkdirSync(join(dir, 'ledgers'));
  writeFileSync(join(dir, 'ledgers', 'example-news.yaml'), `source: example-news\nparagraphs:\n${paragraphs.join('\n')}\n`);
});

async function verify(texts: string): Promise<{ code: number | null; problems: Problem[]; pretty: string }> {
  const json = await cli(['verify-sources', '--texts', texts, '--data', data, '--format', 'json']);
  const pretty = await cli(['verify-sources', '--texts', texts, '--data', data]);
  expect(json.stderr).toBe('');
  expect(pretty.code).toBe(json.code);
  return { code: json.code, problems: JSON.parse(json.stdout) as Problem[], pretty: pretty.stdout };
}

describe('verify-sources with bad files in --texts', () => {
  it('the fixture verifies against a clean texts folder', async () => {
    const texts = tempDir();
    writeFileSync(join(texts, 'example-news.txt'), text);
    const result = await verify(texts);
    expect(result.problems).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.pretty).toBe(`✔ no problems (${excerpts} excerpts checked)\n`);
  });

  it('each bad file is one located problem, and the good file is still used', async () => {
    const texts = tempDir();
    writeFileSync(join(texts, 'example-news.txt'), text);
    symlinkSync(join(texts, 'missing.txt'), join(texts, 'dangling.txt'));
    symlinkSync(join(texts, 'loop-b.txt'), join(texts, 'loop-a.txt'));
    symlinkSync(join(texts, 'loop-a.txt'), join(texts, 'loop-b.txt'));
    expect(spawnSync('mkfifo', [join(texts, 'fifo.txt')]).status).toBe(0);
    writeFileSync(join(texts, 'huge.txt'), '');
    truncateSync(join(texts, 'huge.txt'), TEXT_MAX_MIB * 1024 * 1024 + 1); // sparse: no disk use
    symlinkSync(join(outside, 'example-news.txt'), join(texts, 'outside.txt'));
    symlinkSync('/dev/zero', join(texts, 'zero.txt'));
    mkdirSync(join(texts, 'notes'));
    // A socket cannot be opened at all (ENXIO): the "unreadable" case, even for root.
    const socket = createServer();
    await new Promise<void>((done) => socket.listen(join(texts, 'socket.txt'), done));

    const result = await verify(texts);
    socket.close();
    expect(result.code).toBe(1);
    const at = (name: string) => result.problems.find((p) => p.file.endsWith(`/${name}`));
    expect(result.problems.map((p) => p.file.slice(texts.length + 1))).toEqual([
      'dangling.txt',
      'fifo.txt',
      'huge.txt',
      'loop-a.txt',
      'loop-b.txt',
      'outside.txt',
      'socket.txt',
      'zero.txt',
    ]);
    expect(result.problems.every((p) => p.rule === 'source-text-file' && p.line === 0)).toBe(true);
    expect(at('dangling.txt')!.message).toMatch(/^dangling symbolic link/);
    expect(at('loop-a.txt')!.message).toMatch(/^symbolic link loop/);
    expect(at('fifo.txt')!.message).toMatch(/not a regular file/);
    expect(at('huge.txt')!.message).toContain(`over the limit of ${TEXT_MAX_MIB} MiB`);
    expect(at('outside.txt')!.message).toMatch(/^symbolic link to a file outside the --texts folder: not followed/);
    expect(at('zero.txt')!.message).toMatch(/outside the --texts folder/);
    expect(at('socket.txt')!.message).toMatch(/^cannot open: .*: fix its permissions or remove it from the --texts folder$/);
    // The rest was checked: every excerpt, against the good file.
    expect(result.pretty).toContain(`✖ 8 problems in 8 files (${excerpts} excerpts checked)`);
  }, 30_000);

  it('a link out of the folder is never followed: its text does not count', async () => {
    const texts = tempDir();
    symlinkSync(join(outside, 'example-news.txt'), join(texts, 'example-news.txt'));
    const result = await verify(texts);
    expect(result.code).toBe(1);
    expect(result.problems.map((p) => p.rule).sort()).toEqual(['source-text', 'source-text-file']);
  });

  it('a link inside the folder is followed', async () => {
    const texts = tempDir();
    mkdirSync(join(texts, 'archive'));
    writeFileSync(join(texts, 'archive', 'news.txt'), text);
    symlinkSync(join(texts, 'archive', 'news.txt'), join(texts, 'example-news.txt'));
    expect((await verify(texts)).problems).toEqual([]);
  });

  it('file names are shown with control characters escaped', async () => {
    const texts = tempDir();
    writeFileSync(join(texts, 'example-news.txt'), text);
    symlinkSync(join(texts, 'nowhere'), join(texts, 'evil\u001b[2J\n✔ no problems.txt'));
    const result = await cli(['verify-sources', '--texts', texts, '--data', data]);
    expect(result.code).toBe(1);
    expect(result.stdout.includes('\u001b')).toBe(false);
    expect(result.stdout).toContain('evil\\u{1b}[2J\\u{a}✔ no problems.txt: error source-text-file: dangling symbolic link');
  });

  it('--help documents the size limit and the link rule', async () => {
    const help = await cli(['verify-sources', '--help']);
    expect(help.stdout).toContain(`at most ${TEXT_MAX_MIB} MiB`);
    expect(help.stdout).toContain('symbolic links\nare followed only to files inside --texts');
  });
});
