import { readFileSync } from 'node:fs';

/** What outputs say about the package that carries them. */
export interface PackageInfo {
  name: string;
  version: string;
  description?: string;
  license?: string;
  homepage?: string;
}

/** This package's own package.json (two levels up from both src/<folder> and dist/lib). */
export function packageInfo(): PackageInfo {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo;
  return {
    name: pkg.name,
    version: pkg.version,
    ...(pkg.description ? { description: pkg.description } : {}),
    ...(pkg.license ? { license: pkg.license } : {}),
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
  };
}
