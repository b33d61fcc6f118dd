import type { Ecosystem, Scope } from '../../sbom/model.js';

/** One direct dependency as a manifest declares it and a lockfile pins it: a row of the dependency matrix. */
export interface DirectDependency {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  /** The locked version (absent for unpinned requirements and local sources). */
  readonly version?: string;
  readonly purl?: string;
  /** SPDX ids, expressions or names, as the lockfile records them (uv and requirements files record none). */
  readonly licenses: readonly string[];
  /** Reachability from the SBOM: required, optional (extras, optional deps) or excluded (dev only). */
  readonly scope: Scope;
  /** The groups or extras that declare it (`extra:enrichment`, `group:dev`), sorted. */
  readonly groups: readonly string[];
  /** The manifest that declares it (relative POSIX path; the lockfile itself for requirements files). */
  readonly manifest: string;
  /** The lockfile that pins it. */
  readonly lockfile: string;
  /** Lockfile format id (`uv`, `npm`, `pnpm`, …), or `sbom` when read from an SBOM. */
  readonly format: string;
}

/** The direct dependencies of a project, and what was noticed while reading them. */
export interface Inventory {
  /** The project's name (the first lockfile's root, or the SBOM's product). */
  readonly project?: string;
  readonly dependencies: readonly DirectDependency[];
  /** Every package the lockfiles pin (direct or not): what a hand-written matrix may name. */
  readonly locked: readonly LockedPackage[];
  /** Lockfiles (or the SBOM) read. */
  readonly sources: readonly string[];
  readonly warnings: readonly string[];
}

export interface LockedPackage {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version?: string;
  readonly lockfile: string;
}

const PROPERTY_GROUPS: Readonly<Record<string, string>> = {
  'cdx:uv:group': 'group',
  'cdx:uv:extra': 'extra',
  'cdx:pdm:group': 'group',
  'cdx:poetry:group': 'group',
  'cdx:pipenv:category': 'group',
};

/** `extra:enrichment`, `group:dev` from the properties the SBOM sources record. */
export function groupsFromProperties(properties: readonly (readonly [string, string])[]): string[] {
  const out = new Set<string>();
  for (const [name, value] of properties) {
    const kind = PROPERTY_GROUPS[name];
    if (kind !== undefined && kind !== '') for (const v of value.split(',')) out.add(`${kind}:${v.trim()}`);
  }
  return [...out].sort();
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts rows by ecosystem, manifest, name, version: the matrix's one order. */
export function sortDependencies(list: DirectDependency[]): DirectDependency[] {
  return list.sort((a, b) => compare(a.ecosystem, b.ecosystem) || compare(a.manifest, b.manifest) || compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.version ?? '', b.version ?? ''));
}
