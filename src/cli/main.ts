#!/usr/bin/env node
/** The bin file: hands the process's arguments and streams to `run` and sets the exit code. */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
