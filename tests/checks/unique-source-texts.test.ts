import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID } from '../helpers/run.js';
import { problemsOf } from './support.js';

const news = readFileSync(join(VALID, 'sources', 'example-news.yaml'), 'utf8');
const copy = news
  .replace('id: example-news', 'id: example-copy')
  .replace('title: Example news article about a corridor', 'title: The same article again');

describe('unique-source-texts', () => {
  it('two sources with the same text_sha256 are both reported', () => {
    expect(problemsOf('unique-source-texts', { 'sources/example-copy.yaml': copy })).toEqual([
      'sources/example-copy.yaml:9:14: the same text as source "example-news" (equal text_sha256): a document is recorded once; merge the records and cite one id',
      'sources/example-news.yaml:9:14: the same text as source "example-copy" (equal text_sha256): a document is recorded once; merge the records and cite one id',
    ]);
  });

  it('also when only the new file is checked (validate FILE)', () => {
    expect(
      problemsOf('unique-source-texts', { 'sources/example-copy.yaml': copy }, (data) => ({
        only: [join(data, 'sources', 'example-copy.yaml')],
      })),
    ).toEqual([
      'sources/example-copy.yaml:9:14: the same text as source "example-news" (equal text_sha256): a document is recorded once; merge the records and cite one id',
    ]);
  });

  it('different texts are fine', () => {
    expect(problemsOf('unique-source-texts', { 'sources/example-copy.yaml': copy.replace(/"0{64}"/, `"${'1'.repeat(64)}"`) })).toEqual([]);
  });
});
