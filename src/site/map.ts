/**
 * The region map: Natural Earth country shapes (world-atlas), projected at build time
 * with d3-geo, clipped to the region and drawn as inline SVG. Countries are shaded by
 * how many corridors cross them (`countries`); a corridor highlights the countries it
 * crosses and those it connects (`connects`). Only countries the data names are marked:
 * no route or coordinate is drawn.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type ExtendedFeature, geoBounds, geoConicConformal, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Rec, SiteData } from './data.js';
import { type Html, escapeHtml, html, raw } from './html.js';

interface MapShape {
  /** ISO alpha-2 code, or '' for shapes without one. */
  iso: string;
  name: string;
  d: string;
}

export interface BaseMap {
  width: number;
  height: number;
  shapes: MapShape[];
}

/** Longitude/latitude frame of the region: Anatolia to Central Asia, the Caucasus to the Gulf. */
const REGION: Frame = { west: 26, east: 73, south: 24.5, north: 49 };
/** A focused map still shows at least this many degrees around its countries, for context. */
const MIN_SPAN = { lon: 14, lat: 8 };

interface Frame {
  west: number;
  east: number;
  south: number;
  north: number;
}

type CountryFeature = ExtendedFeature<GeoJSON.Geometry, { name: string }>;

const require = createRequire(import.meta.url);
const worlds = new Map<string, { features: CountryFeature[] }>();

function world(resolution: '50m' | '110m'): { features: CountryFeature[] } {
  let w = worlds.get(resolution);
  if (!w) {
    const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8')) as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    w = feature(topology, topology.objects.countries);
    worlds.set(resolution, w);
  }
  return w;
}

const isoOf = (f: CountryFeature): string => (f.id !== undefined && countries.numericToAlpha2(String(f.id))) || '';

const bounds = new WeakMap<CountryFeature, [[number, number], [number, number]]>();
const boundsOf = (f: CountryFeature) => {
  const known = bounds.get(f);
  if (known) return known;
  const b = geoBounds(f);
  bounds.set(f, b);
  return b;
};

/** Whether a country's bounds can reach into the frame (countries across the antimeridian always can). */
const overlaps = ([[w, s], [e, n]]: [[number, number], [number, number]], frame: Frame): boolean =>
  e < w || (w <= frame.east + 10 && e >= frame.west - 10 && s <= frame.north + 10 && n >= frame.south - 10);

/**
 * The frame around the given countries, within the region and no smaller than MIN_SPAN;
 * the whole region when none of them lies in it.
 */
function focusFrame(features: CountryFeature[], focus: readonly string[]): Frame {
  const chosen = features.filter((f) => focus.includes(isoOf(f)));
  const boxes = chosen.map(boundsOf).filter(([[w], [e]]) => e >= w);
  const clamp = (b: Frame): Frame => ({
    west: Math.max(REGION.west, b.west),
    east: Math.min(REGION.east, b.east),
    south: Math.max(REGION.south, b.south),
    north: Math.min(REGION.north, b.north),
  });
  if (!boxes.length) return REGION;
  const box = clamp({
    west: Math.min(...boxes.map(([[w]]) => w)) - 1,
    east: Math.max(...boxes.map(([, [e]]) => e)) + 1,
    south: Math.min(...boxes.map(([[, s]]) => s)) - 1,
    north: Math.max(...boxes.map(([, [, n]]) => n)) + 1,
  });
  if (box.east <= box.west || box.north <= box.south) return REGION;
  const grow = (lo: number, hi: number, min: number): [number, number] => {
    const extra = Math.max(0, min - (hi - lo)) / 2;
    return [lo - extra, hi + extra];
  };
  const [west, east] = grow(box.west, box.east, MIN_SPAN.lon);
  const [south, north] = grow(box.south, box.north, MIN_SPAN.lat);
  return clamp({ west, east, south, north });
}

/**
 * Projects the countries for a map `width` pixels wide: the whole region, or framed on the
 * `focus` countries (alpha-2 codes). Coordinates are rounded to whole pixels.
 */
export function baseMap(resolution: '50m' | '110m', width: number, focus: readonly string[] = []): BaseMap {
  const features = world(resolution).features;
  const frame = focus.length ? focusFrame(features, focus) : REGION;
  const corners = {
    type: 'MultiPoint' as const,
    coordinates: [
      [frame.west, frame.south],
      [frame.east, frame.south],
      [frame.west, frame.north],
      [frame.east, frame.north],
      [(frame.west + frame.east) / 2, frame.north],
      [(frame.west + frame.east) / 2, frame.south],
    ],
  };
  const projection = geoConicConformal()
    .parallels([35, 45])
    .rotate([-(frame.west + frame.east) / 2, 0])
    .fitWidth(width, corners);
  const [[, top], [, bottom]] = geoPath(projection).bounds(corners);
  const height = Math.ceil(bottom - top);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath(projection).digits(0);
  const shapes: MapShape[] = [];
  for (const f of features) {
    if (!overlaps(boundsOf(f), frame)) continue;
    const d = path(f);
    if (!d) continue;
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    if (x1 - x0 < 0.5 && y1 - y0 < 0.5) continue;
    shapes.push({ iso: isoOf(f), name: f.properties?.name ?? '', d });
  }
  shapes.sort((a, b) => a.iso.localeCompare(b.iso) || a.name.localeCompare(b.name));
  return { width, height, shapes };
}

/** Alpha-2 codes of the country actors a list of actor ids names. */
function countryCodes(site: SiteData, ids: unknown): string[] {
  if (!Array.isArray(ids)) return [];
  return ids
    .map((id) => site.record('actors', String(id)))
    .map((actor) => (actor && typeof actor.country_code === 'string' ? actor.country_code : undefined))
    .filter((code): code is string => Boolean(code));
}

/** Corridors crossing each country (alpha-2 → count). */
export function crossingCounts(site: SiteData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const corridor of site.collection('corridors')?.records ?? [])
    for (const code of new Set(countryCodes(site, corridor.countries))) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

const shadeClass = (n: number): string => (n === 0 ? '' : n === 1 ? 's1' : n <= 3 ? 's2' : n <= 6 ? 's3' : 's4');

interface MapHighlight {
  crosses: string[];
  connects: string[];
}

/** Inline SVG of the map; `shade` gives each country's class, `highlight` a corridor's countries. */
export function mapSvg(map: BaseMap, o: { id: string; label: string; shade?: Map<string, number>; highlight?: MapHighlight }): Html {
  const paths = map.shapes.map((s) => {
    const classes = ['c'];
    const n = o.shade?.get(s.iso) ?? 0;
    if (o.shade && n) classes.push(shadeClass(n));
    if (o.highlight?.crosses.includes(s.iso)) classes.push('hl-cross');
    else if (o.highlight?.connects.includes(s.iso)) classes.push('hl-connect');
    const title = o.shade ? `${s.name}: ${n} corridor${n === 1 ? '' : 's'}` : s.name;
    return `<path class="${classes.join(' ')}"${s.iso ? ` data-iso="${s.iso}"` : ''} d="${s.d}"><title>${escapeHtml(title)}</title></path>`;
  });
  return html`<svg class="map" id="${o.id}" viewBox="0 0 ${map.width} ${map.height}" role="img" aria-labelledby="${o.id}-title"><title id="${o.id}-title">${o.label}</title>${raw(paths.join(''))}</svg>`;
}

export const corridorHighlight = (site: SiteData, corridor: Rec): MapHighlight => ({
  crosses: countryCodes(site, corridor.countries),
  connects: countryCodes(site, corridor.connects),
});
