import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/checks/unique-actors.js';
import { country, problemsOf } from './support.js';

describe('unique-actors', () => {
  it('two countries with one ISO code', () => {
    expect(problemsOf('unique-actors', { 'actors/azerbaycan.yaml': country('azerbaycan', 'Azərbaycan', 'AZ') })).toEqual([
      'actors/azerbaijan.yaml:4:15: country code AZ is also the code of "azerbaycan": one country is one actor; merge the records (other names go in aliases)',
      'actors/azerbaycan.yaml:4:15: country code AZ is also the code of "azerbaijan": one country is one actor; merge the records (other names go in aliases)',
    ]);
  });

  it('names equal after NFKC and case folding (full-width letters, composed accents, case)', () => {
    const lines = problemsOf('unique-actors', {
      'actors/turkiye-2.yaml': country('turkiye-2', 'TU\u0308RKIYE', 'CY'),
      'actors/azerbaijan-2.yaml': country('azerbaijan-2', 'ＡＺＥＲＢＡＩＪＡＮ', 'GE'),
    });
    expect(lines.filter((l) => l.includes(' name '))).toEqual([
      'actors/azerbaijan-2.yaml:3:7: name "ＡＺＥＲＢＡＩＪＡＮ" is also the name of "azerbaijan" (ignoring case and Unicode variants): merge the records, or make the names tell them apart',
      'actors/azerbaijan.yaml:3:7: name "Azerbaijan" is also the name of "azerbaijan-2" (ignoring case and Unicode variants): merge the records, or make the names tell them apart',
      expect.stringMatching(/^actors\/turkiye-2\.yaml:3:7: name ".*" is also the name of "turkiye"/),
      expect.stringMatching(/^actors\/turkiye\.yaml:\d+:7: name "Türkiye" is also the name of "turkiye-2"/),
    ]);
  });

  it('name keys fold case fully (ß = ss) and compose accents', () => {
    expect(nameKey('Straße')).toBe(nameKey('STRASSE'));
    expect(nameKey('Naxc\u0327ıvan')).toBe(nameKey('Naxçıvan'));
    expect(nameKey('Georgia')).not.toBe(nameKey('Georgian'));
  });

  it('distinct countries are fine', () => {
    expect(problemsOf('unique-actors', { 'actors/georgia.yaml': country('georgia', 'Georgia', 'GE') })).toEqual([]);
  });
});
