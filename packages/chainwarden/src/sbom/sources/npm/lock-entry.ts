/**
 * The one shape both package-lock layouts are normalised to: v1's nested `dependencies` tree and v2/v3's flat
 * `packages` map become entries keyed by install path (`node_modules/a/node_modules/b`, `packages/x`, `''` for the
 * root), so components, scopes and edges are built once for every lockfile version.
 */

/** Dependency names an entry declares, by kind (values are the specs; only the names are used for lookup). */
export interface DeclaredDeps {
  readonly dependencies: readonly string[];
  readonly optionalDependencies: readonly string[];
  readonly peerDependencies: readonly string[];
  /** Only installed for the root and workspace members; ignored elsewhere. */
  readonly devDependencies: readonly string[];
}

export interface LockFlags {
  readonly dev: boolean;
  readonly optional: boolean;
  readonly devOptional: boolean;
}

export interface LockEntry {
  /** Install path: `''` for the root, `node_modules/a`, `packages/x`, `packages/x/node_modules/b`. */
  readonly path: string;
  /** Key path of the entry in the document, for messages: `['packages', 'node_modules/a']`, `['dependencies', 'a']`. */
  readonly location: readonly string[];
  /** The package's real name when the lockfile records it (aliases, workspace members). */
  readonly name?: string | undefined;
  readonly version?: string | undefined;
  /** Tarball URL, git URL, `file:` spec, or (for links) the target's install path. */
  readonly resolved?: string | undefined;
  readonly integrity?: string | undefined;
  /** A symlink to another entry (`resolved` is the target path): workspace members and `file:` directory deps. */
  readonly link: boolean;
  readonly flags: LockFlags;
  /** The raw `license`/`licenses` values; parsed leniently later. */
  readonly license: unknown;
  readonly deps: DeclaredDeps;
}

/** Entries by install path, plus the lockfile's top-level facts. */
export interface LockTree {
  readonly lockfileVersion: 1 | 2 | 3;
  readonly entries: ReadonlyMap<string, LockEntry>;
  /** Top-level `name`/`version` of the lockfile (npm copies them from package.json). */
  readonly name?: string | undefined;
  readonly version?: string | undefined;
  /** Workspace globs declared by the root entry (v2/v3 only). */
  readonly workspaces: readonly string[];
}

export const NO_FLAGS: LockFlags = { dev: false, optional: false, devOptional: false };

export const NO_DEPS: DeclaredDeps = { dependencies: [], optionalDependencies: [], peerDependencies: [], devDependencies: [] };
