#!/usr/bin/env node
/** The bin file: hands the process's arguments and streams to `run` and sets the exit code. */
import { run } from './run.js';

// Output piped into `head` and the like: a closed pipe ends the run quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
