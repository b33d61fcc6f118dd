import { isPep440Version } from '../../../advisories/versions/pypi.js';
import { normalizePypiName } from '../../../core/purl.js';

/**
 * Name and version from a distribution file name. Wheels (`name-1.0(-build)-py3-none-any.whl`) say both
 * unambiguously; sdists (`name-1.0.tar.gz`) split at the hyphen the standard puts before the version. Anything
 * else gives nothing: chainwarden does not guess.
 */

const SDIST_EXTENSIONS = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tgz', '.tar', '.zip'];
export const ARCHIVE_EXTENSIONS = ['.whl', ...SDIST_EXTENSIONS];

export function isArchiveName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The last path segment of a URL or path, without query or fragment, percent-decoded when possible. */
export function fileNameOf(location: string): string {
  const bare = location.replace(/[?#].*$/, '');
  const segment = bare.slice(bare.search(/[^/\\]*$/));
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function distributionNameVersion(fileName: string, knownName?: string): { name: string; version: string } | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.whl')) {
    const parts = fileName.slice(0, -4).split('-');
    if ((parts.length === 5 || parts.length === 6) && isPep440Version(parts[1] as string)) return { name: parts[0] as string, version: parts[1] as string };
    return undefined;
  }
  const ext = SDIST_EXTENSIONS.find((e) => lower.endsWith(e));
  if (ext === undefined) return undefined;
  const stem = fileName.slice(0, -ext.length);
  for (let at = stem.indexOf('-'); at > 0; at = stem.indexOf('-', at + 1)) {
    const name = stem.slice(0, at);
    const version = stem.slice(at + 1);
    if (knownName !== undefined ? normalizePypiName(name) === normalizePypiName(knownName) && isPep440Version(version) : !version.includes('-') && isPep440Version(version)) {
      return { name, version };
    }
  }
  return undefined;
}
