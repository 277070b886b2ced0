/**
 * The numbers a piece of English prose writes, in the forms sources use, as plain values:
 *
 * - digits, with or without thousands separators: `688000000`, `688,000,000`, `1 000` (NBSP
 *   or thin space), decimals `1.5`;
 * - a scale word after digits: `688 million`, `$1.2 bn`, `5bn`, `40k` → also the scaled value
 *   (the plain value is kept too: "100m" may be metres);
 * - hyphenated and suffixed forms: `40-kilometer`, `1,000,000-plus`, `7th`, `15%`;
 * - spelled-out numbers: `three`, `twenty-five`, `two hundred`, `a million`, `a dozen`.
 *
 * Used by the evidence-values rule: a number in a field must be one of these values
 * in one of its supporting excerpts.
 */

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Digits, optionally grouped by three with , NBSP thin space or ’; optional decimals. */
const DIGITS = /(?<![\d.,])(\d{1,3}(?:[,\u00a0\u2009\u202f’](?:\d{3})(?!\d))+|\d+)(?:\.(\d+))?/g;
/** A scale word right after the digits (sticky: tried where the digits end, without copying the rest of the text). */
const SCALE_AFTER = /[\s-]*(thousand|million|billion|trillion|mln|mn|bln|bn|tn|k|m|b)(?![a-z])/y;

function digitNumbers(text: string): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const value = Number(`${match[1]!.replace(/[^\d]/g, '')}${match[2] ? `.${match[2]}` : ''}`);
    out.push(value);
    SCALE_AFTER.lastIndex = match.index + match[0].length;
    const scale = SCALE_AFTER.exec(text);
    if (scale) out.push(value * SCALES[scale[1]!]!);
  }
  return out;
}

/** Any word wordNumbers reads: most texts have none, and are done with one search. */
const NUMBER_WORD = new RegExp(
  `(?<![a-z])(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'thousand', 'million', 'billion', 'trillion'].join('|')})(?![a-z])`,
);

function wordNumbers(text: string): number[] {
  if (!NUMBER_WORD.test(text)) return [];
  const out: number[] = [];
  const words = text.split(/[^a-z]+/).filter(Boolean);
  let total = 0;
  let current = 0;
  let inNumber = false;
  const flush = () => {
    if (inNumber) out.push(total + current);
    total = 0;
    current = 0;
    inNumber = false;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w in UNITS) {
      current += UNITS[w]!;
      inNumber = true;
    } else if (w in TENS) {
      current += TENS[w]!;
      inNumber = true;
    } else if (w === 'hundred' && (inNumber || words[i - 1] === 'a')) {
      current = (inNumber ? current || 1 : 1) * 100;
      inNumber = true;
    } else if ((w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') && (inNumber || words[i - 1] === 'a')) {
      total += (inNumber ? current || 1 : 1) * SCALES[w]!;
      current = 0;
      inNumber = true;
    } else if (w === 'and' && inNumber && (words[i + 1]! in UNITS || words[i + 1]! in TENS)) {
    } else flush();
  }
  flush();
  return out;
}

/** Every number `text` writes, as values (duplicates possible). */
export function numbersIn(text: string): number[] {
  const normal = text.toLowerCase();
  return [...digitNumbers(normal), ...wordNumbers(normal)];
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The numbers of one text, in digits and in words, each list worked out when first needed. */
interface Scanned {
  normal: string;
  digits?: number[];
  words?: number[];
}

// A record's few excerpts are asked about each of its numbers: scan each excerpt once.
const scanned = new Map<string, Scanned>();
const SCANNED_MAX = 256;

/** True when `text` writes `value` in one of the forms above (digits first: most sources write numbers so). */
export function writesNumber(text: string, value: number): boolean {
  let scan = scanned.get(text);
  if (!scan) {
    if (scanned.size >= SCANNED_MAX) scanned.clear();
    scan = { normal: text.toLowerCase() };
    scanned.set(text, scan);
  }
  scan.digits ??= digitNumbers(scan.normal);
  if (scan.digits.some((n) => same(n, value))) return true;
  scan.words ??= wordNumbers(scan.normal);
  return scan.words.some((n) => same(n, value));
}
