import { splitNpmName } from '../../core/purl.js';
import type { Component, Ecosystem, ExternalReference, Hash } from '../model.js';
import { listingPage, urlFileName } from '../sources/python-common/distributions.js';
import { NOASSERTION, compareStrings } from './spdx-document.js';

/** Where an SPDX package is downloaded from, the file it is, and that file's hashes. */
export interface PackageLocation {
  readonly downloadLocation: string;
  readonly packageFileName?: string;
  readonly hashes: readonly Hash[];
}

/**
 * A registry package's download URL by the registry's documented layout, for packages whose lockfile records no
 * file: npm tarballs live at `<registry>/<name>/-/<unscoped name>-<version>.tgz`; PyPI lists a release's files on
 * its release page (or a PEP 503 index's project page).
 */
const REGISTRY_DOWNLOAD: Readonly<Record<Ecosystem, (c: Component, registry: string | undefined) => string | undefined>> = {
  npm: (c, registry) => (c.version === undefined ? undefined : `${registry ?? 'https://registry.npmjs.org'}/${c.name}/-/${splitNpmName(c.name).name}-${c.version}.tgz`),
  pypi: (c, registry) => listingPage(registry, c.name, c.version),
};

/** SPDX VCS locator: `git+<transport>://<host>/<path>@<revision>` (scp-style `git@host:path` becomes ssh). */
export function gitLocator(url: string, commit: string | undefined): string {
  const scp = /^git@([^:/]+):(.*)$/.exec(url);
  const normalised = scp !== null ? `ssh://git@${scp[1] as string}/${scp[2] as string}` : url;
  const base = normalised.startsWith('git+') ? normalised : `git+${normalised}`;
  return commit !== undefined ? `${base}@${commit}` : base;
}

function fileNameOf(ref: ExternalReference): string {
  return ref.comment ?? urlFileName(ref.url);
}

/**
 * The one distribution file that stands for the package: the source archive when there is exactly one candidate
 * of that kind (built wheels and eggs are per-platform variants of it), else the only file when there is just one.
 * Several wheels and no sdist name no single package file: none is chosen.
 */
export function primaryDistribution(refs: readonly ExternalReference[]): ExternalReference | undefined {
  const files = refs.filter((r) => r.type === 'distribution').sort((a, b) => compareStrings(a.url, b.url) || compareStrings(fileNameOf(a), fileNameOf(b)));
  const sources = files.filter((r) => !/\.(whl|egg)$/i.test(fileNameOf(r)));
  if (sources.length === 1) return sources[0];
  return files.length === 1 ? files[0] : undefined;
}

export function packageLocation(c: Component): PackageLocation {
  const own = c.hashes;
  switch (c.source.kind) {
    case 'git':
      return { downloadLocation: gitLocator(c.source.url, c.source.commit), hashes: own };
    case 'url': {
      const url = c.source.url;
      const ref = c.externalReferences.find((r) => r.type === 'distribution' && r.url === url);
      return { downloadLocation: url, packageFileName: urlFileName(url), hashes: own.length > 0 ? own : (ref?.hashes ?? []) };
    }
    case 'registry': {
      const dist = primaryDistribution(c.externalReferences);
      if (dist !== undefined) return { downloadLocation: dist.url, packageFileName: fileNameOf(dist), hashes: own.length > 0 ? own : (dist.hashes ?? []) };
      return { downloadLocation: REGISTRY_DOWNLOAD[c.ecosystem](c, c.source.url) ?? NOASSERTION, hashes: own };
    }
    default:
      // Local paths, workspace members and virtual projects: part of the project, not downloadable on their own.
      return { downloadLocation: NOASSERTION, hashes: own };
  }
}
