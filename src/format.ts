/** Output formats for problems: pretty (people), github (Actions annotations), json (tools). */
import type { Problem } from './problems.js';
import { visible } from './util/visible.js';

export const FORMATS = ['pretty', 'github', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const where = (p: Problem) => (p.line > 0 ? `${visible(p.file)}:${p.line}:${p.col}` : visible(p.file));

export function formatPretty(problems: readonly Problem[], summary: { checked: number; noun?: string }): string {
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const p of problems) {
    if (lastFile !== undefined && p.file !== lastFile) lines.push('');
    lastFile = p.file;
    lines.push(`${where(p)}: error ${visible(p.rule)}: ${visible(p.message)}`);
  }
  const files = new Set(problems.map((p) => p.file)).size;
  const noun = summary.noun ?? 'file';
  const checked = `${summary.checked} ${noun}${summary.checked === 1 ? '' : 's'} checked`;
  if (problems.length === 0) lines.push(`✔ no problems (${checked})`);
  else {
    if (lines.length) lines.push('');
    lines.push(`✖ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${checked})`);
  }
  return `${lines.join('\n')}\n`;
}

// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
// Control and invisible characters are shown as \u{…} first (a log must not run ESC sequences).
const escapeData = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const props = [`file=${escapeProperty(p.file)}`];
      if (p.line > 0) props.push(`line=${p.line}`, `col=${p.col}`);
      props.push(`title=${escapeProperty(p.rule)}`);
      return `::error ${props.join(',')}::${escapeData(p.message)}\n`;
    })
    .join('');
}

export const formatJson = (problems: readonly Problem[]): string =>
  `${JSON.stringify(
    problems.map((p) => ({
      file: visible(p.file),
      line: p.line,
      col: p.col,
      severity: 'error',
      rule: visible(p.rule),
      message: visible(p.message),
    })),
    null,
    2,
  )}\n`;

export function formatProblems(format: Format, problems: readonly Problem[], summary: { checked: number; noun?: string }): string {
  if (format === 'github') return formatGithub(problems);
  if (format === 'json') return formatJson(problems);
  return formatPretty(problems, summary);
}
