/**
 * Parses one command's arguments against its entry in the command table. Unknown
 * options, options of another command, missing values, values outside a choice list and
 * repeated options are usage errors; every one says what to type instead.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../suggest.js';
import { quoted } from '../util/visible.js';
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './table.js';
import { UsageError } from './usage-error.js';

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  help: boolean;
  version: boolean;
}

/** Every option any command knows: parseArgs needs them to tell `--out DIR` from a flag. */
function allOptions(): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const out: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const spec of Object.values(COMMANDS)) for (const [name, o] of Object.entries(spec.options)) out[name] = { type: o.type };
  for (const [name, o] of Object.entries(GLOBAL_OPTIONS)) out[name] = { type: o.type, short: o.short };
  return out;
}

export const quote = quoted;

const hint = (input: string, candidates: readonly string[]) => {
  const match = didYouMean(input, candidates);
  return match ? `; did you mean ${quote(match)}?` : '';
};

export function parseCommandArgs(command: string, spec: CommandSpec, args: readonly string[]): ParsedArgs {
  const { tokens } = parseArgs({ args: [...args], options: allOptions(), strict: false, allowPositionals: true, tokens: true });
  const result: ParsedArgs = { positionals: [], options: {}, help: false, version: false };
  const ownNames = Object.keys(spec.options).map((n) => `--${n}`);
  const globalNames = Object.keys(GLOBAL_OPTIONS).map((n) => `--${n}`);
  for (const token of tokens) {
    if (token.kind === 'positional') {
      result.positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const { name, rawName } = token;
    if (Object.hasOwn(GLOBAL_OPTIONS, name) && (rawName === `--${name}` || rawName === `-${GLOBAL_OPTIONS[name]!.short}`)) {
      if (token.value !== undefined) throw new UsageError(`${rawName} takes no value`);
      result[name as 'help' | 'version'] = true;
      continue;
    }
    const option: OptionSpec | undefined = Object.hasOwn(spec.options, name) && rawName === `--${name}` ? spec.options[name] : undefined;
    if (!option) {
      const owners = Object.entries(COMMANDS)
        .filter(([, other]) => Object.hasOwn(other.options, name) && rawName === `--${name}`)
        .map(([c]) => c);
      if (owners.length)
        throw new UsageError(
          `${rawName} is not an option of ${command} (it is an option of ${owners.join(', ')}); ${command} takes ${[...ownNames, ...globalNames].join(', ')}`,
        );
      throw new UsageError(
        `unknown option ${quote(rawName)} for ${command}${hint(rawName, [...ownNames, ...globalNames])} (${command} takes ${[...ownNames, ...globalNames].join(', ')})`,
      );
    }
    if (Object.hasOwn(result.options, name)) throw new UsageError(`${rawName} is given more than once`);
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${rawName} takes no value`);
      result.options[name] = true;
      continue;
    }
    const value = token.value;
    const expected = option.choices ? `one of ${option.choices.join(', ')}` : (option.value ?? 'a value');
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && value !== '-'))
      throw new UsageError(`${rawName} needs a value: ${rawName} ${expected}`);
    if (option.choices && !option.choices.includes(value))
      throw new UsageError(`${rawName} must be ${expected}; got ${quote(value)}${hint(value, option.choices)}`);
    result.options[name] = value;
  }
  return result;
}
