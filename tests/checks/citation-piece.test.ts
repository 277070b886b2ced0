import { expect, it } from 'vitest';
import { caseLines, expectedLines } from './evidence-cases.js';

it('citation-piece: a piece the cited source does not list is an error, with did-you-mean', () => {
  const lines = caseLines('unknown-piece');
  expect(lines).toEqual(expectedLines('unknown-piece'));
  expect(lines).toHaveLength(2);
  for (const line of lines) expect(line).toMatch(/: citation-piece: /);
  expect(lines[0]).toMatch(/did you mean "aras-railway-talks"\?$/);
});
