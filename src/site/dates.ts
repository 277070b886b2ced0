/** Readable forms and time spans of the dataset's EDTF dates (YYYY, YYYY-MM, YYYY-MM-DD with ~ ? %). */
import { dateBounds } from '../dates.js';
import { type Html, html } from './html.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface DateInfo {
  /** The date without its qualifier (valid for <time datetime>). */
  plain: string;
  precision: 'year' | 'month' | 'day';
  uncertain: boolean;
  approximate: boolean;
  earliest: string;
  latest: string;
}

export function parseDate(value: string): DateInfo {
  const qualifier = /[~?%]$/.exec(value)?.[0];
  const plain = value.replace(/[~?%]$/, '');
  const parts = plain.split('-').length;
  const { earliest, latest } = dateBounds(plain);
  return {
    plain,
    precision: parts === 3 ? 'day' : parts === 2 ? 'month' : 'year',
    uncertain: qualifier === '?' || qualifier === '%',
    approximate: qualifier === '~' || qualifier === '%',
    earliest,
    latest,
  };
}

export function dateText(value: string): string {
  const d = parseDate(value);
  const [y, m, day] = d.plain.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  const base = day ? `${Number(day)} ${month} ${y}` : month ? `${month} ${y}` : `${y}`;
  return `${d.approximate ? 'about ' : ''}${base}${d.uncertain ? ' (uncertain)' : ''}`;
}

export const dateHtml = (value: string): Html => html`<time datetime="${parseDate(value).plain}">${dateText(value)}</time>`;

/** Days since 1970-01-01 of a YYYY-MM-DD day, for placing dates on an axis. */
export const dayNumber = (day: string): number =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
