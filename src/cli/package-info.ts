import pkg from '../../package.json' with { type: 'json' };
import type { PackageInfo } from '../emit/index.js';

/** This package's own package.json, inlined by the bundler. */
export function packageInfo(): PackageInfo {
  const { name, version, description, license } = pkg as PackageInfo;
  const homepage = (pkg as { homepage?: string }).homepage;
  return homepage === undefined ? { name, version, description, license } : { name, version, description, license, homepage };
}
