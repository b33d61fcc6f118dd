/**
 * The format-neutral model every lockfile source produces and every serializer (CycloneDX, SPDX) reads.
 */

export type Ecosystem = 'pypi' | 'npm';

/** Reachability scope. When a package is reachable several ways the strongest wins: required > optional > excluded. */
export type Scope = 'required' | 'optional' | 'excluded';

const SCOPE_RANK: Readonly<Record<Scope, number>> = { required: 3, optional: 2, excluded: 1 };

export function strongerScope(a: Scope | undefined, b: Scope): Scope {
  if (a === undefined) return b;
  return SCOPE_RANK[a] >= SCOPE_RANK[b] ? a : b;
}

export type HashAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface Hash {
  readonly alg: HashAlgorithm;
  /** Lower-case hex. */
  readonly content: string;
}

export interface ExternalReference {
  readonly type: 'distribution' | 'vcs' | 'website';
  readonly url: string;
  readonly hashes?: readonly Hash[];
  readonly comment?: string;
}

/** A licence as the lockfile or manifest declares it: an SPDX id, an SPDX expression, or a free-text name. */
export type License =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'expression'; readonly expression: string }
  | { readonly kind: 'name'; readonly name: string };

export type Property = readonly [name: string, value: string];

/** Where a package comes from. Part of a component's identity: the same name@version from two sources is two components. */
export type PackageSource =
  | { readonly kind: 'registry'; readonly url?: string }
  | { readonly kind: 'git'; readonly url: string; readonly commit?: string }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'path'; readonly path: string; readonly editable?: boolean }
  | { readonly kind: 'workspace'; readonly path: string }
  | { readonly kind: 'virtual'; readonly path: string };

export interface Component {
  /** Internal identity: ecosystem, name, version, source. Unique in a BOM; never serialized. */
  readonly key: string;
  readonly ecosystem: Ecosystem;
  readonly type: 'library' | 'application';
  /** Full name as the ecosystem spells it (npm: `@scope/name`; PyPI: the lockfile's spelling). */
  readonly name: string;
  readonly version?: string;
  readonly source: PackageSource;
  /** Absent for local path/editable/workspace sources. */
  readonly purl?: string;
  scope: Scope;
  readonly hashes: Hash[];
  readonly licenses: License[];
  readonly externalReferences: ExternalReference[];
  readonly properties: Property[];
  readonly description?: string;
  readonly author?: string;
  /** Keys of the components this one depends on. */
  readonly dependsOn: Set<string>;
}

/** The project a BOM describes. */
export interface RootProject {
  readonly name: string;
  readonly version?: string;
  readonly description?: string;
  readonly licenses: License[];
  readonly ecosystem: Ecosystem;
  /** Relative path (POSIX) of the manifest it was read from, or undefined when there is none. */
  readonly manifest?: string;
}

/** What one lockfile yields. */
export interface LockfileResult {
  /** Format id, e.g. `uv`, `npm`. */
  readonly format: string;
  /** Relative POSIX path of the lockfile inside the project. */
  readonly lockfile: string;
  /** The project that owns the lockfile (from the manifest beside it, or the lockfile's own root entry). */
  readonly root: RootProject;
  /** Components other than the root, keyed by Component.key. Workspace members are components of type application. */
  readonly components: Map<string, Component>;
  /** Keys of the root's direct dependencies (all groups and extras). */
  readonly rootDependsOn: Set<string>;
  /** Keys of workspace members (also present in `components`). */
  readonly workspaceMembers: Set<string>;
  /** Things the user should know: unpinned requirements, missing manifests, etc. */
  readonly warnings: string[];
  /** Whether the lockfile format records licences at all (for NTIA coverage reporting). */
  readonly carriesLicenses: boolean;
}

export function componentKey(ecosystem: Ecosystem, name: string, version: string | undefined, source: PackageSource): string {
  return `${ecosystem}\u0000${name}\u0000${version ?? ''}\u0000${sourceKey(source)}`;
}

export function sourceKey(source: PackageSource): string {
  switch (source.kind) {
    case 'registry':
      return `registry:${source.url ?? ''}`;
    case 'git':
      return `git:${source.url}#${source.commit ?? ''}`;
    case 'url':
      return `url:${source.url}`;
    case 'path':
    case 'workspace':
    case 'virtual':
      return `${source.kind}:${source.path}`;
  }
}

/** True for sources that live inside the project (no registry purl applies). */
export function isLocalSource(source: PackageSource): boolean {
  return source.kind === 'path' || source.kind === 'workspace' || source.kind === 'virtual';
}
