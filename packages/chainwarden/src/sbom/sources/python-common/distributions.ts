import { normalizePypiName } from '../../../core/purl.js';
import { isDefaultRegistry } from '../../component-builder.js';
import type { ExternalReference, Hash } from '../../model.js';

/**
 * Where a Python distribution file's hash goes: an `externalReferences` entry of type `distribution`, one per file.
 *
 * The url is the file's own URL when the lockfile records it (pdm `url`, a Poetry `url` source). When the lockfile
 * records only the file name (Poetry, pdm without static URLs), the file's URL is not knowable — PyPI's
 * files.pythonhosted.org paths are content-addressed — so the url is the page that lists the file (the PyPI project
 * release page, or the PEP 503 project page of the index it came from) and the file name goes in `comment`.
 * Nothing is invented: every URL here is either recorded or follows from a documented URL scheme.
 */
export function distributionReference(url: string, hash: Hash | undefined, fileName?: string): ExternalReference {
  return {
    type: 'distribution',
    url,
    ...(hash !== undefined ? { hashes: [hash] } : {}),
    ...(fileName !== undefined && fileName !== '' ? { comment: fileName } : {}),
  };
}

/** `https://pypi.org/project/<name>/<version>/`: PyPI's page listing the files of one release. */
export function pypiReleasePage(name: string, version: string | undefined): string {
  const base = `https://pypi.org/project/${encodeURIComponent(normalizePypiName(name))}/`;
  return version !== undefined && version !== '' ? `${base}${encodeURIComponent(version)}/` : base;
}

/** PEP 503 project page on a simple index: `<index>/<normalised-name>/`. */
export function simpleIndexPage(indexUrl: string, name: string): string {
  return `${indexUrl.replace(/\/+$/, '')}/${encodeURIComponent(normalizePypiName(name))}/`;
}

/** The page that lists a package's files: PyPI's release page for the default index, the index's project page otherwise. */
export function listingPage(indexUrl: string | undefined, name: string, version: string | undefined): string {
  return indexUrl === undefined || isDefaultRegistry('pypi', indexUrl) ? pypiReleasePage(name, version) : simpleIndexPage(indexUrl, name);
}

/** The last path segment of a URL, percent-decoded when possible. */
export function urlFileName(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
