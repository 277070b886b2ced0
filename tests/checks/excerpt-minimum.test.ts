import { describe, expect, it } from 'vitest';
import { belowExcerptFloor, isWholeLine, meetsExcerptMinimum } from '../../src/schema/excerpt.js';
import { caseLines, expectedLines } from './evidence-cases.js';

describe('excerpt minimum in validate (no texts)', () => {
  it.each([
    ['excerpt-blank', '" "'],
    ['excerpt-tab', '"\\u{9}"'],
    ['excerpt-dot', '"."'],
    ['excerpt-the', '"the"'],
  ])('%s fails, saying what an excerpt must be', (name, shown) => {
    const lines = caseLines(name);
    expect(lines).toEqual(expectedLines(name));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `excerpt ${shown} is too short to be evidence: an excerpt is a verbatim span of the source of at least 2 words and 10 characters, or a whole line of the source`,
    );
  });
});

describe('the excerpt predicates', () => {
  it('minimum: 2 words and 10 characters after whitespace is collapsed', () => {
    expect(meetsExcerptMinimum('the port of Baku')).toBe(true);
    expect(meetsExcerptMinimum('the  port')).toBe(false);
    expect(meetsExcerptMinimum('Naxcivan, — .')).toBe(false);
    expect(meetsExcerptMinimum('Rudenshiold')).toBe(false);
  });
  it('floor: what no whole line could make meaningful', () => {
    for (const s of [' ', '\t', '.', 'the', '— —', '\u00a0\u00a0\u00a0\u00a0']) expect(belowExcerptFloor(s), JSON.stringify(s)).toBe(true);
    for (const s of ['Baku', 'ANALYTICS', 'the port']) expect(belowExcerptFloor(s), s).toBe(false);
  });
  it('whole line: equal to one line of the text, whitespace collapsed', () => {
    const text = 'Title\nBy  Jane Doe \r\nBody text here.\n';
    expect(isWholeLine('By Jane Doe', text)).toBe(true);
    expect(isWholeLine('Jane Doe', text)).toBe(false);
    expect(isWholeLine(' ', text)).toBe(false);
  });
});
