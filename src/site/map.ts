/**
 * The region map: Natural Earth country shapes (world-atlas), projected at build time
 * with d3-geo, clipped to the region and drawn as inline SVG. Countries are shaded by
 * how many corridors cross them (`countries`); a corridor highlights the countries it
 * crosses and those it connects (`connects`). Only countries the data names are marked:
 * no route or coordinate is drawn.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoConicConformal, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Rec, SiteData } from './data.js';
import { type Html, escapeHtml, html, raw } from './html.js';

export interface MapShape {
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
const FRAME = { west: 26, east: 73, south: 24.5, north: 49 };

const require = createRequire(import.meta.url);

export function baseMap(resolution: '50m' | '110m', width: number): BaseMap {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const world = feature(topology, topology.objects.countries);
  const corners = {
    type: 'MultiPoint' as const,
    coordinates: [
      [FRAME.west, FRAME.south],
      [FRAME.east, FRAME.south],
      [FRAME.west, FRAME.north],
      [FRAME.east, FRAME.north],
      [(FRAME.west + FRAME.east) / 2, FRAME.north],
    ],
  };
  const projection = geoConicConformal()
    .parallels([35, 45])
    .rotate([-(FRAME.west + FRAME.east) / 2, 0])
    .fitWidth(width, corners);
  const [[, top], [, bottom]] = geoPath(projection).bounds(corners);
  const height = Math.ceil(bottom - top);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath(projection).digits(0);
  const shapes: MapShape[] = [];
  for (const f of world.features) {
    const d = path(f);
    if (!d) continue;
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    if (x1 - x0 < 0.5 && y1 - y0 < 0.5) continue;
    const iso = (f.id !== undefined && countries.numericToAlpha2(String(f.id))) || '';
    shapes.push({ iso, name: f.properties?.name ?? '', d });
  }
  shapes.sort((a, b) => a.iso.localeCompare(b.iso) || a.name.localeCompare(b.name));
  return { width, height, shapes };
}

/** Alpha-2 codes of the country actors a list of actor ids names. */
export function countryCodes(site: SiteData, ids: unknown): string[] {
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

export const shadeClass = (n: number): string => (n === 0 ? '' : n === 1 ? 's1' : n <= 3 ? 's2' : n <= 6 ? 's3' : 's4');

export interface MapHighlight {
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
