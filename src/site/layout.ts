/** The page frame shared by every page: head, skip link, navigation, footer. */
import { type SiteData, collectionPage, humanize } from './data.js';
import { type Html, href, html } from './html.js';

export const CSS_PATH = 'assets/site.css';
export const JS_PATH = 'assets/site.js';

interface PageOptions {
  /** Path of the page inside the site, e.g. `corridors/zangezur-corridor/index.html`. */
  path: string;
  title: string;
  description: string;
  body: Html;
  /** Whether the page needs the enhancement script (map, timeline, tables). */
  script?: boolean;
}

export function page(site: SiteData, o: PageOptions): string {
  const link = (to: string) => href(o.path, to);
  const nav = [
    html`<li><a href="${link('index.html')}">Home</a></li>`,
    ...site.collections.map((c) => html`<li><a href="${link(collectionPage(c.name))}">${humanize(c.name)}</a></li>`),
    html`<li><a href="${link('downloads/index.html')}">Downloads</a></li>`,
  ];
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · ${site.name} ${site.version}</title>
<meta name="description" content="${o.description}">
<link rel="stylesheet" href="${link(CSS_PATH)}">
${o.script ? html`<script src="${link(JS_PATH)}" defer></script>` : ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<a class="brand" href="${link('index.html')}">${site.name} <span class="version">${site.version}</span></a>
<nav aria-label="Site"><ul>${nav}</ul></nav>
</header>
<main id="main">
${o.body}
</main>
<footer class="site-footer">
<p>${site.name} ${site.version}. Data CC BY 4.0 with attribution to the publishers of each source; code MIT. Every fact cites a verbatim excerpt of a source document.</p>
<p>Country shapes: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain), via the world-atlas package.</p>
</footer>
</body>
</html>
`;
  return doc.value;
}
