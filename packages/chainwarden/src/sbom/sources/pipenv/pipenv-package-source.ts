import { isDefaultRegistry } from '../../component-builder.js';
import type { PackageSource } from '../../model.js';
import { projectRelativePath } from '../python-common/local-path.js';
import type { PipenvEntry, PipfileSource } from './pipfile-lock-schema.js';

export interface PipenvResolvedSource {
  readonly source: PackageSource;
  readonly local: boolean;
  /** The PEP 503 index a registry package is installed from. */
  readonly indexUrl?: string;
  /** The `index` name when `_meta.sources` does not define it. */
  readonly unknownIndex?: string;
}

const PYPI_SIMPLE = 'https://pypi.org/simple';

/**
 * Where a Pipfile.lock entry comes from: `git` (+ `ref`, the locked commit), a local `path` or `file`, a remote
 * `file` URL, or an index: the `_meta.sources` entry its `index` names, else the first source (pipenv installs
 * packages without an `index` from the first source), else PyPI.
 */
export function pipenvPackageSource(entry: PipenvEntry, sources: readonly PipfileSource[], lockDir: string, projectDir: string): PipenvResolvedSource {
  if (entry.git !== undefined) return { source: { kind: 'git', url: entry.git, ...(entry.ref !== undefined ? { commit: entry.ref } : {}) }, local: false };
  const local = entry.path ?? (entry.file !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.file.replace(/^file:\/\//, '')) ? entry.file : undefined);
  if (local !== undefined) return { source: { kind: 'path', path: projectRelativePath(local, lockDir, projectDir), editable: entry.editable }, local: true };
  if (entry.file !== undefined) return { source: { kind: 'url', url: entry.file }, local: false };
  const named = entry.index !== undefined ? sources.find((s) => s.name === entry.index) : undefined;
  const url = named?.url ?? (entry.index === undefined ? sources[0]?.url : undefined) ?? PYPI_SIMPLE;
  const unknown = entry.index !== undefined && named === undefined ? { unknownIndex: entry.index } : {};
  if (isDefaultRegistry('pypi', url)) return { source: { kind: 'registry' }, local: false, indexUrl: url, ...unknown };
  return { source: { kind: 'registry', url }, local: false, indexUrl: url, ...unknown };
}
