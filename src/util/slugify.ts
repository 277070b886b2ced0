/**
 * The one slug function: names in any of the dataset's scripts → a kebab-case ASCII id,
 * following the English spellings ids already use (`İlham Əliyev` → `ilham-aliyev`).
 *
 * `transliteration` handles Latin diacritics and most scripts. Two of the region's scripts
 * it romanises differently from the English spellings of place and person names, so they
 * follow BGN/PCGN here, in the small tables below:
 * - Russian Cyrillic (BGN/PCGN 1947): х → kh, е → ye at the start of a word and after a
 *   vowel (Ереван → yerevan), ё → yo, й → y, ъ/ь dropped (Нахичевань → nakhichevan).
 *   The library writes х → h and е → e.
 * - Armenian (BGN/PCGN 1981): ու → u, ե → ye / ո → vo at the start of a word, և → yev / ev
 *   (Սյունիք → syunik, Երևան → yerevan). The library writes ու → ow.
 * Azerbaijani ə is written a at the start of a word (Əliyev → aliyev) and e elsewhere
 * (Şərur → serur), as in the English spellings ids use; the library turns it into "@".
 */
import { transliterate } from 'transliteration';

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const CYRILLIC_VOWELS = 'аеёиоуыэюяйъь';

const ARMENIAN: Record<string, string> = {
  ա: 'a',
  բ: 'b',
  գ: 'g',
  դ: 'd',
  ե: 'e',
  զ: 'z',
  է: 'e',
  ը: 'y',
  թ: 't',
  ժ: 'zh',
  ի: 'i',
  լ: 'l',
  խ: 'kh',
  ծ: 'ts',
  կ: 'k',
  հ: 'h',
  ձ: 'dz',
  ղ: 'gh',
  ճ: 'ch',
  մ: 'm',
  յ: 'y',
  ն: 'n',
  շ: 'sh',
  ո: 'o',
  չ: 'ch',
  պ: 'p',
  ջ: 'j',
  ռ: 'r',
  ս: 's',
  վ: 'v',
  տ: 't',
  ր: 'r',
  ց: 'ts',
  ւ: 'v',
  փ: 'p',
  ք: 'k',
  և: 'ev',
  օ: 'o',
  ֆ: 'f',
};
const ARMENIAN_VOWELS = 'աեէըիոօու';

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** Romanises the Cyrillic and Armenian letters of a lowercase text; leaves everything else. */
function romanise(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const before = chars[i - 1];
    const initial = !isLetter(before);
    if (c in CYRILLIC) {
      const afterVowel = before !== undefined && CYRILLIC_VOWELS.includes(before);
      out += c === 'е' && (initial || afterVowel) ? 'ye' : CYRILLIC[c];
    } else if (c === 'ո' && chars[i + 1] === 'ւ') {
      out += 'u';
      i++;
    } else if (c in ARMENIAN) {
      const afterVowel = before !== undefined && ARMENIAN_VOWELS.includes(before);
      if ((c === 'ե' || c === 'և') && (initial || afterVowel)) out += c === 'ե' ? 'ye' : 'yev';
      else if (c === 'ո' && initial) out += 'vo';
      else out += ARMENIAN[c];
    } else out += c;
  }
  return out;
}

/** A kebab-case ASCII slug of `text` (a-z, 0-9, single hyphens), at most `maxLength` characters. */
export function slugify(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  // İ first: lowercasing it gives "i" plus a combining dot.
  const lower = text
    .normalize('NFC')
    .replaceAll('İ', 'I')
    .toLowerCase()
    .replace(/(?<!\p{L})ə/gu, 'a')
    .replaceAll('ə', 'e');
  const ascii = transliterate(romanise(lower)).toLowerCase();
  const slug = ascii
    .replace(/['’ʼ`"]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '');
}
