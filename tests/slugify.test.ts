import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../src/schema/index.js';
import { slugify } from '../src/util/slugify.js';

describe('slugify', () => {
  it.each([
    ['İlham Əliyev', 'ilham-aliyev'],
    ['Naxçıvan–Şərur railway', 'naxcivan-serur-railway'],
    ['Türkiye', 'turkiye'],
    ['Erdoğan', 'erdogan'],
    ['Шахбазов', 'shakhbazov'],
    ['Нахичевань', 'nakhichevan'],
    ['Սյունիք', 'syunik'],
    ['Ереван', 'yerevan'],
    ['Երևան', 'yerevan'],
    ['Ильхам Алиев', 'ilkham-aliyev'],
    ['Ağdam', 'agdam'],
    ['Baku–Tbilisi–Kars railway', 'baku-tbilisi-kars-railway'],
    ['  "Middle Corridor" (TITR)  ', 'middle-corridor-titr'],
    ['Sak’art’velo', 'sakartvelo'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives a valid id, or nothing, for any text', () => {
    for (const text of ['თბილისი', 'طهران', '北京', '🚆 train', '---', '', 'a—b', 'Ŝ̌'])
      expect(slugify(text) === '' || ID_PATTERN.test(slugify(text))).toBe(true);
  });

  it('cuts long slugs at a hyphen', () => {
    expect(slugify('Trans-Caspian International Transport Route', 20)).toBe('trans-caspian');
    expect(slugify('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghij');
  });
});
