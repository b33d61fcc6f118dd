import { LockfileError } from '../../../core/errors.js';
import { isRecord, keyPath } from '../../../core/parse.js';
import { describe, PackageLocator } from '../python-common/lock-errors.js';

/** pdm.lock `lock_version`s chainwarden reads: the 4.x line (pdm 2.x). 3.x (pdm 1.x) used another layout. */
export const SUPPORTED_PDM_LOCK_VERSIONS = '4.0 to 4.5 (any 4.x)';
const SUPPORTED = /^4(\.\d+){0,2}$/;

/** One distribution file: a file name (default) or its URL (`--static-urls`), with its hash. */
export interface PdmFile {
  readonly file?: string;
  readonly url?: string;
  readonly hash: string;
}

const VCS_KEYS = ['git', 'hg', 'svn', 'bzr'] as const;

export interface PdmPackage {
  readonly index: number;
  readonly name: string;
  readonly version?: string;
  readonly extras: readonly string[];
  readonly groups?: readonly string[];
  readonly summary?: string;
  readonly dependencies: readonly string[];
  readonly files: readonly PdmFile[];
  readonly vcs?: { readonly kind: (typeof VCS_KEYS)[number]; readonly url: string; readonly revision?: string };
  readonly path?: string;
  readonly url?: string;
  readonly editable: boolean;
}

export interface PdmLock {
  readonly lockVersion: string;
  /** `[metadata] groups`: the groups the lock was made for. */
  readonly groups: readonly string[];
  readonly packages: readonly PdmPackage[];
  /** Old layout (lock_version ≤ 4.2): `[metadata.files]` keyed `"<name> <version>"`. */
  readonly metadataFiles: ReadonlyMap<string, readonly PdmFile[]>;
}

function readFiles(value: unknown, fail: (path: (string | number)[], message: string) => LockfileError): PdmFile[] {
  if (!Array.isArray(value)) throw fail([], `must be an array of {file|url, hash} tables, got ${describe(value)}`);
  return value.map((item, i) => {
    const ok = isRecord(item) && typeof item['hash'] === 'string' && (typeof item['file'] === 'string' || typeof item['url'] === 'string');
    if (!ok) throw fail([i], `must be a {file|url, hash} table of strings, got ${describe(item)}`);
    const { file, url, hash } = item as { file?: unknown; url?: unknown; hash: string };
    return { ...(typeof file === 'string' ? { file } : {}), ...(typeof url === 'string' ? { url } : {}), hash };
  });
}

/** Validates a parsed pdm.lock. Throws LockfileError naming the file, line and key. */
export function readPdmLock(doc: Record<string, unknown>, file: string, headerLines: readonly number[]): PdmLock {
  const metadata = doc['metadata'];
  if (!isRecord(metadata)) {
    throw new LockfileError(metadata === undefined ? 'missing [metadata] table (is this a pdm.lock?)' : `\`metadata\` must be a table, got ${describe(metadata)}`, { file, path: 'metadata' });
  }
  const version = metadata['lock_version'];
  if (typeof version !== 'string') {
    throw new LockfileError(version === undefined ? 'missing `lock_version`' : `\`lock_version\` must be a string, got ${describe(version)}`, { file, path: 'metadata.lock_version' });
  }
  if (!SUPPORTED.test(version)) {
    throw new LockfileError(`unsupported pdm.lock lock_version "${version}" (supported: ${SUPPORTED_PDM_LOCK_VERSIONS})`, { file, path: 'metadata.lock_version' }, { code: 'LOCKFILE_UNSUPPORTED' });
  }
  const groups = metadata['groups'] ?? ['default'];
  if (!Array.isArray(groups) || !groups.every((g): g is string => typeof g === 'string')) {
    throw new LockfileError(`\`groups\` must be an array of strings, got ${describe(groups)}`, { file, path: 'metadata.groups' });
  }

  const rawPackages = doc['package'] ?? [];
  if (!Array.isArray(rawPackages)) throw new LockfileError(`\`package\` must be an array of tables, got ${describe(rawPackages)}`, { file, path: 'package' });
  const at = new PackageLocator(file, headerLines);
  const packages = rawPackages.map((entry: unknown, index): PdmPackage => {
    if (!isRecord(entry)) throw at.error(index, [], `must be a table, got ${describe(entry)}`);
    const name = at.string(index, entry, 'name', true);
    const pkgVersion = at.string(index, entry, 'version');
    const summary = at.string(index, entry, 'summary');
    const pkgGroups = at.strings(index, entry, 'groups');
    const path = at.string(index, entry, 'path');
    const url = at.string(index, entry, 'url');
    const revision = at.string(index, entry, 'revision');
    const vcsKind = VCS_KEYS.find((k) => entry[k] !== undefined);
    const vcsUrl = vcsKind !== undefined ? at.string(index, entry, vcsKind, true) : undefined;
    if (pkgVersion === undefined && vcsKind === undefined && path === undefined && url === undefined) {
      throw at.error(index, ['version'], 'missing `version` (a package must have a version, or a git/path/url source)');
    }
    return {
      index,
      name,
      ...(pkgVersion !== undefined ? { version: pkgVersion } : {}),
      extras: at.strings(index, entry, 'extras') ?? [],
      ...(pkgGroups !== undefined ? { groups: pkgGroups } : {}),
      ...(summary !== undefined && summary !== '' ? { summary } : {}),
      dependencies: at.strings(index, entry, 'dependencies') ?? [],
      files: entry['files'] === undefined ? [] : readFiles(entry['files'], (p, message) => at.error(index, ['files', ...p], message)),
      ...(vcsKind !== undefined && vcsUrl !== undefined ? { vcs: { kind: vcsKind, url: vcsUrl, ...(revision !== undefined ? { revision } : {}) } } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(url !== undefined ? { url } : {}),
      editable: at.boolean(index, entry, 'editable') ?? false,
    };
  });

  const metadataFiles = new Map<string, PdmFile[]>();
  const rawFiles = metadata['files'];
  if (rawFiles !== undefined) {
    if (!isRecord(rawFiles)) throw new LockfileError(`\`metadata.files\` must be a table, got ${describe(rawFiles)}`, { file, path: 'metadata.files' });
    for (const [key, list] of Object.entries(rawFiles)) {
      metadataFiles.set(key, readFiles(list, (p, message) => new LockfileError(message, { file, path: keyPath('metadata', 'files', key, ...p) })));
    }
  }
  return { lockVersion: version, groups, packages, metadataFiles };
}
