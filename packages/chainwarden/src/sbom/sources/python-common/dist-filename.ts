import { compareVersions, parseVersion } from './pep440.js';

const SDIST_EXTENSIONS = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tar.Z', '.tgz', '.tbz', '.zip', '.tar'];

/** The version a distribution file name carries (wheel, egg or sdist naming); undefined when it cannot be told. */
export function distributionFileVersion(fileName: string): string | undefined {
  if (fileName.endsWith('.whl') || fileName.endsWith('.egg')) return fileName.slice(0, -4).split('-')[1];
  const ext = SDIST_EXTENSIONS.find((e) => fileName.endsWith(e));
  if (ext === undefined) return undefined;
  const stem = fileName.slice(0, -ext.length);
  const dash = stem.lastIndexOf('-');
  return dash > 0 ? stem.slice(dash + 1) : undefined;
}

/** True when the file name's version is the given version (PEP 440 equality, so `1.0` matches `1.0.0`). */
export function fileMatchesVersion(fileName: string, version: string): boolean {
  const fromName = distributionFileVersion(fileName);
  if (fromName === undefined) return false;
  if (fromName === version) return true;
  const [a, b] = [parseVersion(fromName), parseVersion(version)];
  return a !== undefined && b !== undefined && compareVersions(a, b) === 0;
}
