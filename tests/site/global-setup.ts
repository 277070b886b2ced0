import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { DIST, ROOT } from './support.js';

/** The suite tests the site `npm run site` writes, from the current dist/. */
export default function setup(): void {
  if (!existsSync(`${DIST}/json/all.json`)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['tsx', 'scripts/site.ts'], { cwd: ROOT, stdio: 'inherit' });
}
