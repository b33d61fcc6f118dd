import type { BomComponent, BomRoot, BomSubProject } from '../bom.js';
import type { Hash, HashAlgorithm, Property } from '../model.js';
import { packageLocation } from './download-location.js';
import type { SpdxChecksum, SpdxChecksumAlgorithm, SpdxPackage } from './spdx-document.js';
import { NOASSERTION, compareStrings } from './spdx-document.js';
import type { SpdxLicenses } from './spdx-licenses.js';

const CHECKSUM_ALGORITHMS: Readonly<Record<HashAlgorithm, SpdxChecksumAlgorithm>> = {
  MD5: 'MD5',
  'SHA-1': 'SHA1',
  'SHA-256': 'SHA256',
  'SHA-384': 'SHA384',
  'SHA-512': 'SHA512',
};

export function spdxChecksums(hashes: readonly Hash[]): SpdxChecksum[] | undefined {
  const unique = new Map(hashes.map((h) => [`${h.alg}:${h.content.toLowerCase()}`, { algorithm: CHECKSUM_ALGORITHMS[h.alg], checksumValue: h.content.toLowerCase() }]));
  const out = [...unique.values()].sort((a, b) => compareStrings(a.algorithm, b.algorithm) || compareStrings(a.checksumValue, b.checksumValue));
  return out.length > 0 ? out : undefined;
}

/**
 * Scope and properties have no SPDX field of their own: they go in the package comment, one `name: value` a line,
 * the leading lines as given and the properties sorted.
 */
function comment(leading: readonly Property[], properties: readonly Property[] = []): string | undefined {
  const sorted = [...properties].sort((a, b) => compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]));
  const lines = [...leading, ...sorted];
  return lines.length > 0 ? lines.map(([n, v]) => `${n}: ${v}`).join('\n') : undefined;
}

type PackageKey = keyof SpdxPackage;
/** Every package field, present or `undefined`: callers list them all, which fixes the serialized key order. */
type PackageFields = { [K in PackageKey]: SpdxPackage[K] | undefined };

/** Drops absent fields. */
function strip(pkg: PackageFields): SpdxPackage {
  const out = { ...pkg } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as SpdxPackage;
}

/** A lockfile component or workspace member. */
export function componentPackage(bc: BomComponent, SPDXID: string, licenses: SpdxLicenses): SpdxPackage {
  const c = bc.component;
  const location = packageLocation(c);
  return strip({
    SPDXID,
    name: c.name,
    versionInfo: c.version,
    packageFileName: location.packageFileName,
    downloadLocation: location.downloadLocation,
    filesAnalyzed: false,
    checksums: spdxChecksums(location.hashes),
    homepage: c.externalReferences.filter((r) => r.type === 'website').map((r) => r.url).sort(compareStrings)[0],
    licenseConcluded: NOASSERTION,
    licenseDeclared: licenses.expression(c.licenses),
    copyrightText: NOASSERTION,
    description: c.description,
    comment: comment([['scope', c.scope]], c.properties),
    externalRefs: c.purl !== undefined ? [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }] : undefined,
    primaryPackagePurpose: c.type === 'application' ? 'APPLICATION' : 'LIBRARY',
  });
}

/** The project itself, or a sub-project (another lockfile's root): part of the project, so not downloadable. */
export function projectPackage(p: BomRoot | BomSubProject, SPDXID: string, licenses: SpdxLicenses): SpdxPackage {
  const project = p.project;
  return strip({
    SPDXID,
    name: project.name,
    versionInfo: project.version,
    packageFileName: undefined,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    checksums: undefined,
    homepage: undefined,
    licenseConcluded: NOASSERTION,
    licenseDeclared: licenses.expression(project.licenses),
    copyrightText: NOASSERTION,
    description: project.description,
    comment: comment([...('lockfile' in p ? [['lockfile', p.lockfile] as const] : []), ...(project.manifest !== undefined ? [['manifest', project.manifest] as const] : [])]),
    externalRefs: undefined,
    primaryPackagePurpose: 'APPLICATION',
  });
}
