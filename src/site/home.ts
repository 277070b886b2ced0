/** The home page: what the dataset is, counts, version, the map, the timeline, citation and downloads. */
import { type SiteData, collectionPage, humanize, labelOf, recordPage } from './data.js';
import { downloadGroups, downloadsSummary } from './downloads.js';
import { type Html, href, html } from './html.js';
import { page } from './layout.js';
import { type BaseMap, corridorHighlight, crossingCounts, mapSvg } from './map.js';
import { timelineHtml } from './timeline.js';

interface HomeOptions {
  /** Recommended citation (from CITATION.cff). */
  citation: string;
  map: BaseMap;
  distDir: string;
}

export function homePageHtml(site: SiteData, o: HomeOptions): string {
  const from = 'index.html';
  const corridors = [...(site.collection('corridors')?.records ?? [])].sort((a, b) => labelOf(a).localeCompare(labelOf(b), 'en'));
  const counts = crossingCounts(site);
  const countryName = (code: string) =>
    String(
      site.collection('actors')?.records.find((a) => a.country_code === code)?.name ??
        o.map.shapes.find((s) => s.iso === code)?.name ??
        code,
    );
  const onMap = new Set(o.map.shapes.map((s) => s.iso));
  const shaded = [...counts].sort((a, b) => b[1] - a[1] || countryName(a[0]).localeCompare(countryName(b[0])));
  const total = site.collections.reduce((n, c) => n + c.records.length, 0);

  const options = corridors.map((c) => {
    const h = corridorHighlight(site, c);
    const names = (codes: string[]) =>
      codes.length ? codes.map((code) => `${countryName(code)}${onMap.has(code) ? '' : ' (off the map)'}`).join(', ') : 'none stated';
    const summary = `${labelOf(c)} crosses: ${names(h.crosses)}. Connects: ${names(h.connects)}.`;
    return html`<option value="${c.id}" data-crosses="${h.crosses.join(' ')}" data-connects="${h.connects.join(' ')}" data-summary="${summary}" data-href="${href(from, recordPage('corridors', c.id))}">${labelOf(c)}</option>`;
  });

  const body: Html = html`<h1>Trade and transport corridors of the South Caucasus, the Caspian and Central Asia</h1>
<p class="lede">An open, typed dataset of corridors, agreements, events, trade figures and quotes. Every fact cites a verbatim excerpt of a source document; facts a source reports only second-hand are marked as such. Version <strong>${site.version}</strong>, ${total} records.</p>
<ul class="counts">${site.collections.map(
    (c) =>
      html`<li><a href="${href(from, collectionPage(c.name))}"><strong>${c.records.length}</strong> ${humanize(c.name).toLowerCase()}</a></li>`,
  )}</ul>

<section aria-labelledby="map-h"><h2 id="map-h">Map</h2>
<p>Countries shaded by how many corridors of the dataset cross them, as the sources state. No route is drawn: the sources give no coordinates.</p>
<div class="map-controls" hidden><label for="map-corridor">Highlight a corridor</label> <select id="map-corridor" data-map="home-map"><option value="">(none)</option>${options}</select>
<p class="map-status" aria-live="polite"></p></div>
<figure class="map-figure">${mapSvg(o.map, { id: 'home-map', label: 'Map of the region, countries shaded by the number of corridors crossing them; the same counts are listed below the map.', shade: counts })}
<figcaption><ul class="map-legend" aria-label="Legend"><li><span class="key s1"></span>1 corridor</li><li><span class="key s2"></span>2–3</li><li><span class="key s3"></span>4–6</li><li><span class="key s4"></span>7 or more</li><li><span class="key hl-cross"></span>crossed by the selected corridor</li><li><span class="key hl-connect"></span>connected by it</li></ul></figcaption></figure>
<details><summary>Corridors per country (text of the map)</summary><table class="plain"><caption>Corridors crossing each country</caption><thead><tr><th scope="col">Country</th><th scope="col">Corridors</th></tr></thead><tbody>${shaded.map(
    ([code, n]) => html`<tr><td>${countryName(code)}${onMap.has(code) ? '' : ' (outside the map area)'}</td><td>${n}</td></tr>`,
  )}</tbody></table></details>
<p>Every corridor page has its own map: ${corridors.map((c, i) => html`${i ? ', ' : ''}<a href="${href(from, recordPage('corridors', c.id))}">${labelOf(c)}</a>`)}.</p>
</section>

<section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
<p>Agreements, events and corridor status changes on one axis. A date known only to the year or month is drawn as the whole span it can mean; uncertain dates are dashed and marked “uncertain”.</p>
${timelineHtml(site, from)}
</section>

<section aria-labelledby="cite-h"><h2 id="cite-h">How to cite</h2>
<blockquote class="citation"><p>${o.citation}</p></blockquote>
<p>Credit the publishers of the sources each record cites as well (every record page names them).</p>
</section>

<section aria-labelledby="downloads-h"><h2 id="downloads-h">Downloads</h2>
${downloadsSummary(from, site, downloadGroups(site, o.distDir))}
</section>`;
  return page(site, {
    path: from,
    title: 'Home',
    description:
      'Open dataset of trade and transport corridors, agreements, events, trade figures and quotes across the South Caucasus, the Caspian and Central Asia.',
    body,
    script: true,
  });
}
