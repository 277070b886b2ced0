/**
 * One time axis for agreements, events and corridor status changes. A date is drawn as
 * the span it can mean (a year or a month is a span, a day a point); uncertain (`?`) and
 * approximate (`~`) dates are drawn and written as such. Undated items are listed apart.
 * The list itself is the text alternative: the bars only add the position on the axis.
 */
import { type Rec, type SiteData, humanize, labelOf, recordPage } from './data.js';
import { dateHtml, dayNumber, parseDate } from './dates.js';
import { type Html, href, html } from './html.js';
import { DATE_PATTERN } from '../schema/index.js';

interface Item {
  kind: string;
  label: string;
  page: string;
  date?: string | undefined;
  end?: string | undefined;
  asStated?: string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isDate = (v: string | undefined): v is string => v !== undefined && DATE_PATTERN.test(v);

function timelineItems(site: SiteData): Item[] {
  const items: Item[] = [];
  const dated = (collection: string, kind: string) => {
    for (const r of site.collection(collection)?.records ?? []) {
      const date = str(r.date);
      const end = str(r.end_date);
      items.push({
        kind,
        label: labelOf(r),
        page: recordPage(collection, r.id),
        ...(isDate(date) ? { date } : {}),
        ...(isDate(end) ? { end } : {}),
        ...(str(r.date_as_stated) ? { asStated: str(r.date_as_stated) } : {}),
      });
    }
  };
  dated('agreements', 'agreement');
  dated('events', 'event');
  for (const corridor of site.collection('corridors')?.records ?? []) {
    const history = Array.isArray(corridor.status_history) ? (corridor.status_history as Rec[]) : [];
    history.forEach((change, n) => {
      const date = str(change.date);
      items.push({
        kind: 'status',
        label: `${labelOf(corridor)}: ${String(change.status).replace(/-/g, ' ')}`,
        page: `${recordPage('corridors', corridor.id)}#f-status_history-${n}`,
        ...(isDate(date) ? { date } : {}),
        ...(str(change.as_stated) ? { asStated: str(change.as_stated) } : {}),
      });
    });
  }
  return items;
}

function span(item: Item): [number, number] {
  const start = parseDate(item.date as string);
  const end = item.end ? parseDate(item.end) : start;
  return [dayNumber(start.earliest), dayNumber(end.latest) + 1];
}

export function timelineHtml(site: SiteData, from: string): Html {
  const items = timelineItems(site);
  const dated = items
    .filter((i) => i.date)
    .sort((a, b) => span(a)[0] - span(b)[0] || span(a)[1] - span(b)[1] || a.label.localeCompare(b.label));
  const undated = items.filter((i) => !i.date).sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  if (!dated.length && !undated.length) return html``;
  const axis = axisOf(dated.map(span));
  const pct = (t: number) => axis.at(t).toFixed(2);
  const ticks: Html[] = [
    ...axis.years.map((y) => html`<span class="tl-tick" style="left:${pct(dayNumber(`${y}-01-01`))}%">${y}</span>`),
    ...axis.breaks.map(
      (b) =>
        html`<span class="tl-break" style="left:${b.left.toFixed(2)}%;width:${b.width.toFixed(2)}%" title="${b.from}–${b.to}: no dated item, left out of the axis"></span>`,
    ),
  ];

  const rows = dated.map((item) => {
    const d = parseDate(item.date as string);
    const [a, b] = span(item);
    const classes = [
      `k-${item.kind}`,
      `p-${item.end ? 'range' : d.precision}`,
      d.uncertain ? 'uncertain' : '',
      d.approximate ? 'approximate' : '',
    ].filter(Boolean);
    return html`<li class="tl-item ${classes.join(' ')}">
<span class="tl-date">${dateHtml(item.date as string)}${item.end ? html` – ${dateHtml(item.end)}` : ''}</span>
<span class="tl-label"><a href="${href(from, item.page)}">${item.label}</a> <span class="tl-kind">${humanize(item.kind === 'status' ? 'status change' : item.kind)}</span></span>
<span class="tl-track" aria-hidden="true"><span class="tl-bar" style="left:${pct(a)}%;width:${(Number(pct(b)) - Number(pct(a))).toFixed(2)}%"></span></span>
</li>`;
  });

  return html`<div class="timeline">
<ul class="tl-legend" aria-label="Legend">
<li><span class="key k-agreement"></span>Agreement</li><li><span class="key k-event"></span>Event</li><li><span class="key k-status"></span>Corridor status change</li>
<li><span class="key point"></span>Day</li><li><span class="key break"></span>Years without items, left out of the axis</li><li><span class="key span"></span>Month or year (the span the date can mean)</li><li><span class="key uncertain"></span>Uncertain date (?)</li>
</ul>
<div class="tl-axis" aria-hidden="true"><span class="tl-axis-track">${ticks}</span></div>
<ol class="tl">${rows}</ol>
${
  undated.length
    ? html`<h3>Undated</h3><ul class="tl-undated">${undated.map(
        (i) =>
          html`<li><a href="${href(from, i.page)}">${i.label}</a> <span class="tl-kind">${humanize(i.kind === 'status' ? 'status change' : i.kind)}</span>${i.asStated ? html` — “${i.asStated}”` : ''}</li>`,
      )}</ul>`
    : ''
}
</div>`;
}

const BREAK_WEIGHT = 0.6;
const MERGE_GAP = 2;
/** Percent of the track between two year labels (a label is about 4 digits wide on a phone). */
const MIN_TICK_GAP = 9;

/**
 * A piecewise axis over the years that hold items: runs of years more than MERGE_GAP years
 * apart are separated by a drawn break of fixed width instead of empty decades, so that a
 * month stays visible. Positions are percentages of the track.
 */
function axisOf(spans: [number, number][]) {
  const yearOf = (t: number) => new Date(t * 86_400_000).getUTCFullYear();
  const used = [
    ...new Set(
      spans.flatMap(([a, b]) => {
        const ys: number[] = [];
        for (let y = yearOf(a); y <= yearOf(b - 1); y++) ys.push(y);
        return ys;
      }),
    ),
  ].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of used) {
    const last = runs[runs.length - 1];
    if (last && y - last[1] <= MERGE_GAP + 1) last[1] = y;
    else runs.push([y, y]);
  }
  const total = runs.reduce((n, [a, b]) => n + b - a + 1, 0) + BREAK_WEIGHT * (runs.length - 1);
  const unit = 100 / total;
  const pieces = runs.map(([a, b], i) => ({
    from: a,
    to: b,
    left: (runs.slice(0, i).reduce((n, [x, y]) => n + y - x + 1, 0) + BREAK_WEIGHT * i) * unit,
  }));
  const at = (t: number): number => {
    const y = yearOf(t);
    const piece = pieces.find((p) => y >= p.from && y <= p.to) ?? pieces.find((p) => y === p.to + 1) ?? pieces[pieces.length - 1];
    if (!piece) return 0;
    const start = dayNumber(`${piece.from}-01-01`);
    const end = dayNumber(`${piece.to + 1}-01-01`);
    return piece.left + ((Math.min(t, end) - start) / (end - start)) * (piece.to - piece.from + 1) * unit;
  };
  // Label years left to right, skipping any closer than MIN_TICK_GAP to the last one labelled.
  const years: number[] = [];
  let lastLeft = Number.NEGATIVE_INFINITY;
  for (const p of pieces)
    for (let y = p.from; y <= p.to; y++) {
      const left = p.left + (y - p.from) * unit;
      if (left - lastLeft < MIN_TICK_GAP || left > 100 - MIN_TICK_GAP / 2) continue;
      years.push(y);
      lastLeft = left;
    }
  const breaks = pieces.slice(1).map((p, i) => {
    const prev = pieces[i] as (typeof pieces)[number];
    const left = prev.left + (prev.to - prev.from + 1) * unit;
    return { left, width: BREAK_WEIGHT * unit, from: prev.to + 1, to: p.from - 1 };
  });
  return { at, years, breaks };
}
