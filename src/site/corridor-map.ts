/** The small map of a corridor page: the countries the corridor crosses and those it connects. */
import { type Rec, type SiteData, labelOf } from './data.js';
import { type Html, html } from './html.js';
import { baseMap, corridorHighlight, mapSvg } from './map.js';

export function corridorMapHtml(site: SiteData, corridor: Rec): Html {
  const h = corridorHighlight(site, corridor);
  const map = baseMap('50m', 560, [...h.crosses, ...h.connects]);
  const onMap = new Set(map.shapes.map((s) => s.iso));
  const name = (code: string) =>
    String(
      site.collection('actors')?.records.find((a) => a.country_code === code)?.name ?? map.shapes.find((s) => s.iso === code)?.name ?? code,
    );
  const list = (codes: string[]) => codes.map((c) => `${name(c)}${onMap.has(c) ? '' : ' (outside the map area)'}`).join(', ');
  const crosses = h.crosses.length ? `crosses ${list(h.crosses)}` : 'no country it crosses is stated';
  const connects = h.connects.length ? `; connects ${list(h.connects.filter((c) => !h.crosses.includes(c)))}` : '';
  const text = `${labelOf(corridor)}: ${crosses}${connects}.`;
  return html`<section aria-labelledby="map-h"><h2 id="map-h">Map</h2>
<figure class="map-figure">${mapSvg(map, { id: 'corridor-map', label: `Map of the region. ${text}`, highlight: h })}
<figcaption><ul class="map-legend" aria-label="Legend"><li><span class="key hl-cross"></span>crossed (countries)</li><li><span class="key hl-connect"></span>connected (connects)</li></ul><p>${text} Countries are marked as the sources name them; the route itself is not drawn. The map is framed on these countries.</p></figcaption></figure>
</section>`;
}
