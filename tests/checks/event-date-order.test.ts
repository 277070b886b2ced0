import { expect, it } from 'vitest';
import { caseLines, expectedLines } from './evidence-cases.js';

it.each(['event-end-before-start', 'event-end-without-start'])('event-date-order: %s', (name) => {
  const lines = caseLines(name);
  expect(lines).toEqual(expectedLines(name));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/: event-date-order: /);
});
