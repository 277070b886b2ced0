import { describe, expect, it } from 'vitest';
import { isQuoted } from '../../src/checks/quote-form.js';
import { caseLines, expectedLines } from './evidence-cases.js';

describe('quote-form', () => {
  it.each(['quote-direct-not-quoted', 'quote-reported-quoted'])('%s', (name) => {
    const lines = caseLines(name);
    expect(lines).toEqual(expectedLines(name));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/: quote-form: /);
  });

  it('tells words inside quotation marks from reported speech', () => {
    const span = (excerpt: string, words: string) => {
      const at = excerpt.indexOf(words);
      return isQuoted(excerpt, at, at + words.length);
    };
    expect(span('“Windows of opportunity have opened,” Erdogan said.', 'Windows of opportunity')).toBe(true);
    expect(span('Erdogan said: "Armenia must grasp the hand of peace".', 'Armenia must grasp')).toBe(true);
    expect(span('must grasp the hand of peace extended to them.” He left.', 'must grasp the hand')).toBe(true);
    expect(span('He said Armenia’s leaders must ‘grasp the hand of peace’.', 'grasp the hand of peace')).toBe(true);
    expect(span('Erdogan said Armenia’s leaders must grasp it.', 'Armenia’s leaders must grasp it')).toBe(false);
    expect(span('“No,” he said, and Iran is now warming up to the plan.', 'Iran is now warming up')).toBe(false);
  });
});
