/**
 * Deterministic generator of a VALID synthetic data directory, for benchmarks (issue #7).
 *
 *   tsx scripts/gen-synthetic.ts --records N --out DIR [--seed S]
 *
 * N records are spread over all six collections with the cross references real data has
 * (corridors → country actors and other corridors, agreements → parties and corridors,
 * trade figures → reporter/partner, quotes → speakers and the agreements they come from)
 * and realistic text: excerpts of 100–350 characters, names and notes with diacritics
 * (Naxçıvan, Türkiye, Zəngəzur …). Randomness comes from a seeded PRNG only (no
 * Math.random, no clock), records are written in a fixed order, so two runs with the
 * same arguments produce byte-identical directories.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import countries from 'i18n-iso-countries';
import { Document, Scalar, visit } from 'yaml';
import { schemaModeline } from '../src/model/paths.js';
import { slugify } from '../src/util/slugify.js';
import {
  type ACTOR_KINDS,
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  COLLECTION_NAMES,
  CORRIDOR_KINDS,
  CORRIDOR_STATUSES,
  EVENT_KINDS,
  INDICATORS,
  ORGANIZATION_TYPES,
  PHYSICAL_UNITS,
  SOURCE_KINDS,
  TRANSPORT_MODES,
  type CollectionName,
  collections,
  isCollectionName,
} from '../src/schema/index.js';
import { evidenceTree, factLeaves } from '../src/schema/evidence.js';

// --- PRNG ----------------------------------------------------------------------
/** Seed hashing (xmur3) and sfc32: small, fast, and identical on every platform. */
function seedFrom(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: string) {
    const next = seedFrom(seed);
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 15; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** Skewed towards the start of the list (a few popular targets, a long tail). */
  pickSkewed<T>(list: readonly T[]): T {
    const r = this.next();
    return list[Math.floor(r * r * r * list.length)]!;
  }
  /** k distinct items (fewer when the list is shorter), skewed. */
  some<T>(list: readonly T[], k: number, skewed = true): T[] {
    const out = new Set<T>();
    const want = Math.min(k, list.length);
    for (let tries = 0; out.size < want && tries < want * 20; tries++) out.add(skewed ? this.pickSkewed(list) : this.pick(list));
    return [...out];
  }
}

// --- Vocabulary ----------------------------------------------------------------
const PLACES = [
  'Baku',
  'Naxçıvan',
  'Nakhchivan',
  'Zəngəzur',
  'Zangezur',
  'Syunik',
  'Meghri',
  'Yerevan',
  'Gyumri',
  'Tbilisi',
  'Kars',
  'Iğdır',
  'Ərdahan',
  'Batumi',
  'Poti',
  'Anaklia',
  'Ələt',
  'Aktau',
  'Kuryk',
  'Türkmenbaşy',
  'Almaty',
  'Tashkent',
  'Samarqand',
  'Astrakhan',
  'Makhachkala',
  'Bandar Abbas',
  'Astara',
  'Rasht',
  'Qazvin',
  'Julfa',
  'Ordubad',
  'Horadiz',
  'Ağdam',
  'Füzuli',
  'Şuşa',
  'Lachin',
  'Goris',
  'Kapan',
  'Akhalkalaki',
  'Marneuli',
  'Samsun',
  'Mersin',
  'İstanbul',
  'Constanța',
  'Khorgos',
  'Dostyk',
  'Aşgabat',
  'Bişkek',
  'Dushanbe',
  'Urumqi',
];
const NOUNS = [
  'corridor',
  'railway',
  'pipeline',
  'route',
  'border crossing',
  'ferry line',
  'terminal',
  'highway',
  'customs post',
  'transit agreement',
  'feasibility study',
  'freight volume',
  'power line',
  'investment',
  'tariff',
  'port expansion',
  'logistics hub',
  'rolling stock',
  'gauge change',
  'memorandum',
  'road section',
  'bridge',
  'container traffic',
];
const VERBS = [
  'announced',
  'signed',
  'discussed',
  'proposed',
  'completed',
  'delayed',
  'financed',
  'opposed',
  'inaugurated',
  'reviewed',
  'approved',
  'postponed',
  'endorsed',
  'criticised',
  'confirmed',
  'resumed',
];
const FILLER = [
  'the',
  'a',
  'new',
  'regional',
  'planned',
  'long-awaited',
  'strategic',
  'bilateral',
  'trilateral',
  'joint',
  'officials',
  'said',
  'on',
  'in',
  'with',
  'after',
  'talks',
  'between',
  'and',
  'via',
  'through',
  'towards',
  'the',
  'government',
  'ministry',
  'delegation',
  'according',
  'to',
  'sources',
  'cargo',
  'annual',
  'capacity',
  'of',
  'tonnes',
  'kilometres',
  'construction',
  'works',
  'section',
  'operators',
  'shippers',
  'Caspian',
  'Black Sea',
  'Middle Corridor',
  'Trans-Caspian',
  'North–South',
  'East–West',
  '“Middle Corridor”',
  'expected',
  'by',
  'next',
  'year',
  'first',
  'phase',
];
const GIVEN = [
  'İlham',
  'Nikol',
  'Recep',
  'Ebrahim',
  'Hossein',
  'Sergey',
  'Kassym-Jomart',
  'Şavkat',
  'Serdar',
  'Irakli',
  'Mirzo',
  'Ceyhun',
  'Ararat',
  'Lavrenti',
  'Ülker',
  'Gülnar',
  'Nərgiz',
  'Anahit',
  'Tamar',
  'Zaur',
  'Elmar',
  'Şahin',
  'Mehriban',
  'Hikmət',
  'Ruben',
  'Davit',
  'Mevlüt',
  'Hakan',
  'Aigerim',
  'Dilnoza',
  'Ömer',
  'Rəşad',
  'Nino',
  'Lilit',
  'Aslan',
];
const FAMILY = [
  'Əliyev',
  'Pashinyan',
  'Erdoğan',
  'Raisi',
  'Amir-Abdollahian',
  'Lavrov',
  'Tokayev',
  'Mirziyoyev',
  'Berdimuhamedow',
  'Garibashvili',
  'Bayramov',
  'Mirzoyan',
  'Çavuşoğlu',
  'Fidan',
  'Hacıyev',
  'Məmmədov',
  'Hüseynov',
  'Kobakhidze',
  'Grigoryan',
  'Sargsyan',
  'Qasımov',
  'Nurmagambetov',
  'Rahmon',
  'Japarov',
  'Kvirikashvili',
  'Şıxəliyev',
  'Öztürk',
];
const ORG_WORDS = [
  'Railways',
  'State Oil Company',
  'Shipping Company',
  'Ministry of Economy',
  'Ministry of Digital Development and Transport',
  'Development Bank',
  'Port Authority',
  'Logistics',
  'Customs Committee',
  'Energy Agency',
  'Institute for Strategic Studies',
  'Press Agency',
  'Investment Fund',
  'Border Guard Service',
  'Chamber of Commerce',
];
const PUBLISHERS = [
  'Caspian Policy Center',
  'Eurasianet',
  'Reuters',
  'Bloomberg',
  'Trend News Agency',
  'APA',
  'Armenpress',
  'Civil.ge',
  'Daily Sabah',
  'Hürriyet Daily News',
  'Tehran Times',
  'TASS',
  'Kazinform',
  'OC Media',
  'JAMnews',
  'Report.az',
];
const LANGUAGES = ['en', 'en', 'en', 'en-GB', 'ru', 'az', 'tr', 'hy', 'ka', 'fa', 'kk', 'uz'];
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'AZN', 'TRY', 'GEL', 'AMD', 'KZT', 'RUB', 'CNY', 'UZS', 'TMT', 'IRR'];
/** The region's countries first: references pick these most often. */
const REGION_FIRST = ['AZ', 'AM', 'GE', 'TR', 'IR', 'RU', 'KZ', 'TM', 'UZ', 'CN', 'KG', 'TJ', 'AF', 'PK', 'UA', 'IN'];

/** The project's slug (src/util/slugify.ts), at most `max` characters, never empty. */
const slug = (text: string, max = 48): string => slugify(text, max) || 'x';

/** Hands out unique ids: the slug itself, then slug-2, slug-3 … */
class IdPool {
  private used = new Set<string>();
  private next = new Map<string, number>();
  take(base: string): string {
    let id = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(id)) id = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(id);
    return id;
  }
}

// --- Text ----------------------------------------------------------------------
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const SHORT_WORDS = ['and', 'the', 'of', 'to', 'in', 'a'];

function word(rng: Rng): string {
  const r = rng.next();
  return r < 0.16
    ? rng.pick(PLACES)
    : r < 0.28
      ? rng.pick(NOUNS)
      : r < 0.36
        ? rng.pick(VERBS)
        : r < 0.4
          ? String(rng.int(2, 2024))
          : rng.pick(FILLER);
}

/** A sentence-like text of min–max characters (always ends with a period). */
function prose(rng: Rng, min: number, max: number): string {
  const target = rng.int(min, max);
  let out = '';
  while (out.length + 1 < target) {
    const room = max - 1 - out.length - (out ? 1 : 0);
    let next = word(rng);
    if (next.length > room) next = SHORT_WORDS.find((w) => w.length <= room) ?? '';
    if (!next) break;
    out = out ? `${out} ${next}` : next;
  }
  return `${capitalize(out)}.`;
}

const excerptOf = (rng: Rng) => prose(rng, 100, 350);

function date(rng: Rng, from = 1995, to = 2025): string {
  const year = rng.int(from, to);
  const r = rng.next();
  const base =
    r < 0.35
      ? String(year)
      : r < 0.65
        ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}`
        : `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const q = rng.next();
  return q < 0.06 ? `${base}~` : q < 0.09 ? `${base}?` : base;
}

// --- Records -------------------------------------------------------------------
type Rec = Record<string, unknown> & { id: string };
interface Actor {
  id: string;
  kind: (typeof ACTOR_KINDS)[number];
  name: string;
}

/** Shares of the records per collection (the rest goes to quotes). */
const SHARES: Record<CollectionName, number> = {
  sources: 0.06,
  actors: 0.14,
  corridors: 0.1,
  agreements: 0.12,
  events: 0.04,
  'trade-figures': 0.3,
  quotes: 0.24,
};

export function plan(records: number): Record<CollectionName, number> {
  if (!Number.isInteger(records) || records < COLLECTION_NAMES.length)
    throw new Error(`--records must be an integer ≥ ${COLLECTION_NAMES.length} (one record per collection at least)`);
  const counts = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, Math.max(1, Math.floor(records * SHARES[c]))])) as Record<
    CollectionName,
    number
  >;
  const others = COLLECTION_NAMES.filter((c) => c !== 'quotes').reduce((sum, c) => sum + counts[c], 0);
  counts.quotes = records - others;
  return counts;
}

function citations(rng: Rng, sources: readonly string[], min = 1, max = 3): Rec['sources'] {
  return Array.from({ length: rng.int(min, max) }, () => {
    const c: Record<string, string> = { source: rng.pickSkewed(sources), excerpt: excerptOf(rng) };
    if (rng.chance(0.12)) c.note = prose(rng, 30, 90);
    return c;
  });
}

const maybeNote = (rng: Rng, p = 0.25): { note?: string } => (rng.chance(p) ? { note: prose(rng, 60, 300) } : {});

export function generateRecords(records: number, seed = '1'): Record<CollectionName, Rec[]> {
  const rng = new Rng(`caucasus-corridors/${seed}`);
  const count = plan(records);
  const out = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, [] as Rec[]])) as Record<CollectionName, Rec[]>;

  // Sources
  const sourceIds = new IdPool();
  for (let i = 0; i < count.sources; i++) {
    const publisher = rng.pick(PUBLISHERS);
    const title = capitalize(prose(rng, 40, 110).slice(0, -1));
    const published = date(rng, 2005, 2025);
    const id = sourceIds.take(slug(`${publisher} ${title.split(' ').slice(0, 4).join(' ')} ${published.slice(0, 4)}`));
    const rec: Rec = { id, title, kind: rng.pick(SOURCE_KINDS), publisher };
    if (rng.chance(0.6)) rec.authors = Array.from({ length: rng.int(1, 3) }, () => `${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`);
    if (rng.chance(0.9)) rec.published = published;
    else rec.published_note = prose(rng, 60, 200);
    if (rng.chance(0.8)) rec.url = `https://${slug(publisher)}.example.org/${published.slice(0, 4)}/${id}`;
    rec.language = rng.pick(LANGUAGES);
    const sha = createHash('sha256').update(`${seed}/${id}`).digest('hex');
    rec.text_sha256 = sha;
    rec.archived_as = `${String(i).padStart(3, '0')}_${sha.slice(0, 16)}.txt`;
    if (rng.chance(0.5)) rec.description = prose(rng, 80, 400);
    Object.assign(rec, maybeNote(rng, 0.3));
    out.sources.push(rec);
  }
  const sources = out.sources.map((s) => s.id);

  // Actors: countries (real ISO codes, the region's first), then people and organizations.
  const actorIds = new IdPool();
  const codes = [
    ...REGION_FIRST,
    ...Object.keys(countries.getAlpha2Codes())
      .filter((c) => !REGION_FIRST.includes(c))
      .sort(),
  ];
  const countryCount = Math.min(codes.length, Math.max(1, Math.round(count.actors * 0.15)));
  const actors: Actor[] = [];
  const nonPersons: Actor[] = []; // kept as we go: filtering all actors per person would be quadratic
  for (let i = 0; i < count.actors; i++) {
    let rec: Rec;
    if (i < countryCount) {
      const code = codes[i]!;
      const name = countries.getName(code, 'en') ?? code;
      rec = { id: actorIds.take(slug(name)), kind: 'country', name };
      if (rng.chance(0.3))
        rec.aliases = [countries.getName(code, 'en', { select: 'alias' }) ?? `Republic of ${name}`].filter((a) => a !== name);
      if ((rec.aliases as string[] | undefined)?.length === 0) delete rec.aliases;
      rec.country_code = code;
    } else if (rng.chance(0.55)) {
      const name = `${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`;
      rec = { id: actorIds.take(slug(name)), kind: 'person', name };
      if (rng.chance(0.3)) rec.aliases = [slug(name, 80).split('-').map(capitalize).join(' ')];
      if (rng.chance(0.8)) {
        const of =
          rng.chance(0.7) || actors.every((a) => a.kind === 'person')
            ? rng.pickSkewed(actors.slice(0, countryCount))
            : rng.pick(nonPersons);
        rec.positions = [
          {
            title: rng.pick([
              'President',
              'Prime Minister',
              'Foreign Minister',
              'Minister of Economy',
              'Deputy Prime Minister',
              'Chairman',
              'Ambassador',
            ]),
            of: of.id,
            ...(rng.chance(0.6) ? { as_of: date(rng, 2010) } : {}),
          },
        ];
      }
    } else {
      const country = rng.pickSkewed(actors.slice(0, countryCount));
      const name = `${country.name} ${rng.pick(ORG_WORDS)}`;
      rec = { id: actorIds.take(slug(name)), kind: 'organization', name };
      if (rng.chance(0.2))
        rec.aliases = [
          name
            .split(' ')
            .map((w) => w.charAt(0))
            .join('')
            .toUpperCase(),
        ];
      rec.org_type = rng.pick(ORGANIZATION_TYPES);
      if (rng.chance(0.85)) rec.country = country.id;
    }
    // Actor names are unique (rule unique-actors): a second "Aylin Aliyev" becomes "Aylin Aliyev 2", like its id.
    const suffix = /-(\d+)$/.exec(rec.id)?.[1];
    if (suffix && rec.id !== slug(rec.name as string)) rec.name = `${rec.name as string} ${suffix}`;
    Object.assign(rec, maybeNote(rng, 0.2));
    rec.sources = citations(rng, sources, 1, 4);
    const actor: Actor = { id: rec.id, kind: rec.kind as Actor['kind'], name: rec.name as string };
    actors.push(actor);
    if (actor.kind !== 'person') nonPersons.push(actor);
    out.actors.push(rec);
  }
  const countryActors = actors.slice(0, countryCount);
  const persons = actors.filter((a) => a.kind === 'person');

  // Corridors: countries traversed, part_of / alternative_to earlier corridors.
  const corridors: string[] = [];
  const corridorIds = new IdPool();
  for (let i = 0; i < count.corridors; i++) {
    const from = rng.pick(PLACES);
    let to = rng.pick(PLACES);
    if (to === from) to = PLACES[(PLACES.indexOf(from) + 1) % PLACES.length]!;
    const kind = rng.pick(CORRIDOR_KINDS);
    const name = `${from}–${to} ${kind.replace('-', ' ')}`;
    const rec: Rec = { id: corridorIds.take(slug(name)), name: capitalize(name) };
    if (rng.chance(0.3)) rec.aliases = [`${rng.pick(PLACES)} corridor`];
    rec.kind = kind;
    if (rng.chance(0.8)) rec.modes = rng.some(TRANSPORT_MODES, rng.int(1, 2), false);
    if (rng.chance(0.3)) rec.carries = rng.some(['freight', 'gas', 'oil', 'electricity', 'passengers', 'containers'], rng.int(1, 2), false);
    if (rng.chance(0.85)) rec.countries = rng.some(countryActors, rng.int(1, 4)).map((a) => a.id);
    if (rng.chance(0.7)) rec.endpoints = { from, to, ...(rng.chance(0.3) ? { via: rng.some(PLACES, rng.int(1, 3), false) } : {}) };
    if (rng.chance(0.5))
      rec.length = {
        value: rng.int(5, 4000),
        unit: rng.pick(['km', 'km', 'km', 'm', 'mi'] as const),
        ...(rng.chance(0.4) ? { approximate: true } : {}),
      };
    rec.status = rng.pick(CORRIDOR_STATUSES);
    if (rng.chance(0.5)) {
      let year = rng.int(1995, 2015);
      rec.status_history = Array.from({ length: rng.int(1, 4) }, () => {
        year += rng.int(1, 3);
        return {
          date: rng.chance(0.5) ? String(year) : `${year}-${String(rng.int(1, 12)).padStart(2, '0')}`,
          status: rng.pick(CORRIDOR_STATUSES),
          ...(rng.chance(0.3) ? { note: prose(rng, 40, 160) } : {}),
        };
      });
      // The current status is the last change (rule status-matches-history).
      rec.status = (rec.status_history as { status: string }[]).at(-1)!.status;
    }
    const earlier = corridors;
    if (earlier.length && rng.chance(0.25)) rec.part_of = [rng.pick(earlier)];
    if (earlier.length && rng.chance(0.15)) rec.alternative_to = rng.some(earlier, rng.int(1, 2), false);
    if (rng.chance(0.6)) rec.proponents = rng.some(actors, rng.int(1, 3)).map((a) => a.id);
    if (rng.chance(0.2)) rec.opponents = rng.some(actors, rng.int(1, 2)).map((a) => a.id);
    if (rng.chance(0.6)) rec.description = prose(rng, 80, 300);
    Object.assign(rec, maybeNote(rng, 0.3));
    rec.sources = citations(rng, sources, 1, 5);
    out.corridors.push(rec);
    corridors.push(rec.id);
  }

  // Agreements: parties, brokers, corridors, builds_on earlier agreements.
  const agreements: string[] = [];
  const agreementIds = new IdPool();
  for (let i = 0; i < count.agreements; i++) {
    const kind = rng.pick(AGREEMENT_KINDS);
    const parties = rng.some(actors, rng.int(2, 4));
    const dated = date(rng, 2000);
    const title = `${parties.map((p) => p.name).join('–')} ${kind} on ${rng.pick(NOUNS)}`;
    const rec: Rec = { id: agreementIds.take(slug(`${title} ${dated.slice(0, 4)}`)), title };
    if (rng.chance(0.2)) rec.aliases = [`${rng.pick(PLACES)} ${kind}`];
    rec.kind = kind;
    if (rng.chance(0.85)) rec.date = dated;
    if (rng.chance(0.5)) rec.place = rng.pick(PLACES);
    rec.parties = parties.map((p) => p.id);
    if (rng.chance(0.2)) rec.brokers = rng.some(countryActors, 1).map((a) => a.id);
    rec.status = rng.pick(AGREEMENT_STATUSES);
    if (rng.chance(0.6)) rec.corridors = rng.some(corridors, rng.int(1, 3)).map(String);
    const earlier = agreements;
    if (earlier.length && rng.chance(0.2)) rec.builds_on = [rng.pick(earlier)];
    if (rng.chance(0.6)) rec.summary = prose(rng, 80, 350);
    Object.assign(rec, maybeNote(rng, 0.25));
    rec.sources = citations(rng, sources, 1, 4);
    out.agreements.push(rec);
    agreements.push(rec.id);
  }

  // Events: participants, corridors and agreements they concern.
  const eventIds = new IdPool();
  for (let i = 0; i < count.events; i++) {
    const kind = rng.pick(EVENT_KINDS);
    const place = rng.pick(PLACES);
    const dated = date(rng, 2005);
    const rec: Rec = {
      id: eventIds.take(slug(`${kind} ${place} ${dated}`)),
      title: `${capitalize(kind.replace('-', ' '))} in ${place}`,
      kind,
    };
    if (rng.chance(0.85)) rec.date = dated;
    else rec.date_as_stated = rng.pick(['on Monday', 'last week', 'in the spring', 'earlier this month']);
    if (rng.chance(0.6)) rec.place = place;
    if (rng.chance(0.8)) rec.participants = rng.some(actors, rng.int(1, 4)).map((a) => a.id);
    if (rng.chance(0.4)) rec.corridors = rng.some(corridors, rng.int(1, 2));
    if (agreements.length && rng.chance(0.3)) rec.agreements = rng.some(agreements, 1);
    if (rng.chance(0.5)) rec.description = prose(rng, 60, 240);
    Object.assign(rec, maybeNote(rng, 0.15));
    rec.sources = citations(rng, sources, 1, 3);
    out.events.push(rec);
  }

  // Trade figures: reporter and partner countries, a period with start ≤ end.
  const figureIds = new IdPool();
  for (let i = 0; i < count['trade-figures']; i++) {
    const indicator = rng.pick(INDICATORS);
    const reporter = rng.pickSkewed(countryActors);
    const partner = countryActors.length > 1 ? rng.pickSkewed(countryActors.filter((c) => c !== reporter)) : undefined;
    const year = rng.int(2000, 2024);
    const monthly = rng.chance(0.3);
    const startMonth = rng.int(1, 12);
    const period = monthly
      ? { start: `${year}-${String(startMonth).padStart(2, '0')}`, end: `${year + 1}-${String(startMonth).padStart(2, '0')}` }
      : { start: String(year), end: String(year + (rng.chance(0.2) ? 1 : 0)) };
    const rec: Rec = {
      id: figureIds.take(slug(`${reporter.id} ${partner?.id ?? ''} ${indicator} ${year}`)),
      indicator,
      reporter: reporter.id,
    };
    if (partner) rec.partner = partner.id;
    if (rng.chance(0.25)) rec.corridor = rng.pickSkewed(corridors);
    rec.period = { ...period, ...(rng.chance(0.3) ? { as_stated: monthly ? `${period.start} to ${period.end}` : `in ${year}` } : {}) };
    const money = ['trade-turnover', 'exports', 'imports', 'investment'].includes(indicator);
    rec.value = money ? rng.int(1, 50_000) * 1_000_000 : rng.int(1, 9_000_000) * (rng.chance(0.5) ? 1000 : 1);
    rec.unit = money ? rng.pick(CURRENCIES) : rng.pick(PHYSICAL_UNITS);
    rec.approximate = rng.chance(0.3);
    if (rng.chance(0.5)) rec.description = prose(rng, 40, 160);
    Object.assign(rec, maybeNote(rng, 0.15));
    rec.sources = citations(rng, sources, 1, 2);
    out['trade-figures'].push(rec);
  }

  // Quotes: the quoted words sit inside the first excerpt, as the quote-in-excerpt check wants.
  const quoteIds = new IdPool();
  for (let i = 0; i < count.quotes; i++) {
    const speaker = persons.length && rng.chance(0.9) ? rng.pickSkewed(persons) : undefined;
    const fromDocument = !speaker || rng.chance(0.1) ? rng.pick(agreements) : undefined;
    const quoted = prose(rng, 30, 140).slice(0, -1);
    const who = speaker?.name ?? 'the declaration';
    const said = `“${quoted},” ${who} said`;
    const tail = rng.chance(0.5) ? ` in ${rng.pick(PLACES)}.` : '.';
    // 100–350 characters in all: the lead sentence takes what the quotation leaves
    // (prose of an exact length may come out one character short).
    const lead = Math.max(20, rng.int(100, 349) - said.length - tail.length);
    const excerpt = `${prose(rng, lead, lead)} ${said}${tail}`;
    const year = date(rng, 2005);
    const rec: Rec = {
      id: quoteIds.take(slug(`${speaker?.id ?? fromDocument} ${quoted.split(' ').slice(0, 3).join(' ')} ${year.slice(0, 4)}`)),
      text: quoted,
      form: 'direct',
    };
    if (speaker) rec.speaker = speaker.id;
    if (fromDocument) rec.from_document = fromDocument;
    if (rng.chance(0.8)) rec.date = year;
    if (rng.chance(0.4))
      rec.occasion = rng.pick(['press conference', 'groundbreaking ceremony', 'summit', 'interview', 'parliament session', 'forum panel']);
    if (rng.chance(0.4)) rec.place = rng.pick(PLACES);
    if (rng.chance(0.5)) rec.language = rng.pick(LANGUAGES);
    if (rng.chance(0.5)) rec.corridors = rng.some(corridors, rng.int(1, 2));
    if (rng.chance(0.3)) rec.agreements = rng.some(agreements, 1);
    Object.assign(rec, maybeNote(rng, 0.15));
    rec.sources = [{ source: rng.pickSkewed(sources), excerpt }, ...(rng.chance(0.3) ? (citations(rng, sources, 1, 1) as object[]) : [])];
    out.quotes.push(rec);
  }
  for (const c of COLLECTION_NAMES) for (const rec of out[c]) if (Array.isArray(rec.sources)) addEvidence(c, rec, rng, sources);
  return out;
}

/**
 * The evidence model: every stated field is named in a citation's `supports`, and every
 * number (and the year of every date) is written in a supporting excerpt. The first
 * citation supports all fields; the others one field each; numbers get a citation of
 * their own whose excerpt writes them.
 */
function addEvidence(collection: CollectionName, rec: Rec, rng: Rng, sources: readonly string[]): void {
  const citationsOf = rec.sources as Record<string, unknown>[];
  const tree = evidenceTree(collections[collection].schema, rec);
  const fields = tree.children.filter((n) => !n.exempt && n.path !== 'sources').map((n) => n.path);
  const supports = fields.length ? fields : ['sources' in rec ? Object.keys(rec).find((k) => k !== 'id' && k !== 'sources')! : 'id'];
  citationsOf.forEach((c, i) => {
    c.supports = i === 0 ? supports : [rng.pick(supports)];
  });
  const numbered = factLeaves(tree).flatMap((leaf) => {
    if (typeof leaf.value === 'number') return [{ path: leaf.path, n: leaf.value }];
    if (leaf.isDate && typeof leaf.value === 'string' && /^\d{4}/.test(leaf.value))
      return [{ path: leaf.path, n: Number(leaf.value.slice(0, 4)) }];
    return [];
  });
  if (numbered.length === 0) return;
  const figures = ` In figures: ${numbered.map((x) => String(x.n)).join('; ')}.`;
  // prose() may come out a character short: aim above the 100-character floor of excerpts.
  const lead = Math.max(102 - figures.length, 40);
  citationsOf.push({
    source: rng.pickSkewed(sources),
    excerpt: `${prose(rng, lead, Math.max(lead, 330 - figures.length))}${figures}`,
    supports: [...new Set(numbered.map((x) => x.path))],
  });
}

const DATE_LIKE = /^\d{4}(?:-\d{2}){0,2}[~?%]?$/;

/**
 * The YAML text of one record, formatted like the hand-written files: a schema comment
 * first, and dates in double quotes (as curators write them, so that YAML 1.1 readers
 * such as js-yaml in ajv-cli also read them as text, not as timestamps).
 */
export function toYaml(collection: CollectionName, record: Rec): string {
  const doc = new Document(record, { version: '1.2' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && DATE_LIKE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return `${schemaModeline(collection)}\n${doc.toString({ lineWidth: 110 })}`;
}

/** Writes a synthetic data directory. Refuses to clear a folder that holds anything but collection folders. */
export function writeSynthetic(options: { records: number; out: string; seed?: string }): Record<CollectionName, number> {
  const out = resolve(options.out);
  if (existsSync(out)) {
    const foreign = readdirSync(out).filter((n) => !isCollectionName(n));
    if (foreign.length) throw new Error(`${options.out} holds other files (${foreign.slice(0, 3).join(', ')}): refusing to overwrite it`);
    for (const c of COLLECTION_NAMES) rmSync(join(out, c), { recursive: true, force: true });
  }
  const data = generateRecords(options.records, options.seed ?? '1');
  const counts = {} as Record<CollectionName, number>;
  for (const c of COLLECTION_NAMES) {
    mkdirSync(join(out, c), { recursive: true });
    for (const record of data[c]) writeFileSync(join(out, c, `${record.id}.yaml`), toYaml(c, record));
    counts[c] = data[c].length;
  }
  return counts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { records: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  if (!values.records || !values.out) {
    process.stderr.write('usage: tsx scripts/gen-synthetic.ts --records N --out DIR [--seed S]\n');
    process.exit(2);
  }
  try {
    const counts = writeSynthetic({ records: Number(values.records), out: values.out, seed: values.seed });
    process.stdout.write(
      `wrote ${values.records} records to ${values.out} (${Object.entries(counts)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')})\n`,
    );
  } catch (error) {
    process.stderr.write(`gen-synthetic: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
