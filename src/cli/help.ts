/** Help texts, generated from the command table. */
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec } from './table.js';

export const PROGRAM = 'caucasus-corridors';

const globalLines = () => Object.entries(GLOBAL_OPTIONS).map(([name, o]) => [`-${o.short}, --${name}`, o.description] as const);

const WIDTH = 100;

/** Two columns; the right one wraps at WIDTH, continuation lines indented under it. */
const columns = (rows: readonly (readonly [string, string])[]) => {
  const width = Math.max(...rows.map(([left]) => left.length));
  const indent = ' '.repeat(width + 4);
  return rows
    .map(([left, right]) => {
      const lines: string[] = [];
      let line = '';
      for (const word of right.split(' ')) {
        if (line && indent.length + line.length + 1 + word.length > WIDTH) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(line);
      return `  ${left.padEnd(width)}  ${lines.join(`\n${indent}`)}`;
    })
    .join('\n');
};

export function synopsis(name: string, spec: CommandSpec): string {
  const rest = Object.entries(spec.options)
    .filter(([option]) => !spec.args.includes(`--${option}`))
    .map(([option, o]) => (o.type === 'boolean' ? `[--${option}]` : `[--${option} ${o.value ?? 'VALUE'}]`));
  return [PROGRAM, name, spec.args, ...rest].filter(Boolean).join(' ');
}

export function mainHelp(): string {
  const commands = Object.entries(COMMANDS).map(([name, spec]) => [`${name} ${spec.args}`.trim(), spec.summary] as const);
  return `Usage: ${PROGRAM} <command> [options]

Commands:
${columns(commands)}

Options:
${columns(globalLines())}

Run "${PROGRAM} <command> --help" for a command's options.
`;
}

export async function commandHelp(name: string, spec: CommandSpec): Promise<string> {
  const options = Object.entries(spec.options).map(([option, o]) => {
    const left = o.type === 'boolean' ? `--${option}` : `--${option} ${o.value ?? 'VALUE'}`;
    return [left, o.description] as const;
  });
  return `${synopsis(name, spec)}

${await spec.details()}

Options:
${columns([...options, ...globalLines()])}
`;
}
