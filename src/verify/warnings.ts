/** Warnings of verify-sources as text: printed after the problems, never a failure. */
import type { Format } from '../format.js';
import type { Problem } from '../problems.js';
import { visible } from '../util/visible.js';

const where = (p: Problem) => (p.line > 0 ? `${visible(p.file)}:${p.line}:${p.col}` : visible(p.file));
const escapeData = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Pretty: one `file:line:col: warning rule: message` line each; github: `::warning` annotations; json: none (the problem list stays as it is). */
export function formatWarnings(format: Format, warnings: readonly Problem[]): string {
  if (format === 'json' || warnings.length === 0) return '';
  if (format === 'github')
    return warnings
      .map(
        (p) =>
          `::warning file=${escapeProperty(p.file)}${p.line > 0 ? `,line=${p.line},col=${p.col}` : ''},title=${escapeProperty(p.rule)}::${escapeData(p.message)}\n`,
      )
      .join('');
  return `${warnings.map((p) => `${where(p)}: warning ${visible(p.rule)}: ${visible(p.message)}`).join('\n')}\n`;
}
