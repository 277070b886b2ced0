import { readFileSync } from 'node:fs';
import type { PackageInfo } from '../emit/index.js';

/** This package's own package.json (two levels up from both src/cli and dist/lib). */
export function packageInfo(): PackageInfo {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo;
  return { name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license, homepage: pkg.homepage };
}
