/**
 * The report of a check script (`test:consumers`, `test:spreadsheet`): one line per check,
 * its problems indented below it, and at the end the plain `N passed, N failed` line CI
 * reads, with a non-zero exit when anything failed.
 */
const MAX_SHOWN = 30;

let passed = 0;
let failed = 0;

export function check(name: string, problems: readonly string[]): void {
  if (problems.length === 0) {
    passed++;
    process.stdout.write(`ok   ${name}\n`);
    return;
  }
  failed++;
  const shown = problems.slice(0, MAX_SHOWN).map((p) => `       ${p.replaceAll('\n', '\n       ')}\n`);
  const more = problems.length > MAX_SHOWN ? `       … and ${problems.length - MAX_SHOWN} more\n` : '';
  process.stdout.write(`FAIL ${name}\n${shown.join('')}${more}`);
}

export function finish(): never {
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(failed ? 1 : 0);
}
