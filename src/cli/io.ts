/** What a command sees of the outside world: `run` gets it from the bin file or a test. */
interface Output {
  write(text: string): unknown;
}

export interface Io {
  /** Relative paths on the command line are resolved against this folder. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Output;
  stderr: Output;
}

/** A command's result: text for each stream and the exit code. */
export interface Outcome {
  code: number;
  stdout?: string;
  stderr?: string;
}

interface Invocation {
  positionals: string[];
  /** Only the options of this command, already checked (choices, values). */
  options: Readonly<Record<string, string | boolean | undefined>>;
  io: Io;
  /** A command-line path as the library should open it (relative to the process when inside it). */
  path(p: string): string;
}

export type Handler = (invocation: Invocation) => Outcome | Promise<Outcome>;
