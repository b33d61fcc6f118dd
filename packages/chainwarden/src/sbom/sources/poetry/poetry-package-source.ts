import type { LockfileError } from '../../../core/errors.js';
import { isDefaultRegistry } from '../../component-builder.js';
import type { PackageSource } from '../../model.js';
import { projectRelativePath } from '../python-common/local-path.js';
import type { PoetrySourceInfo } from './poetry-lock-schema.js';

export interface ResolvedSource {
  readonly source: PackageSource;
  /** Local packages (directory / file sources) are components of type application. */
  readonly local: boolean;
  /** The index a registry package came from (undefined: PyPI). */
  readonly indexUrl?: string;
}

type SourceReader = (info: PoetrySourceInfo, develop: boolean, lockDir: string, projectDir: string) => ResolvedSource;

/** `[package.source] type` → how it maps onto the format-neutral PackageSource. */
const SOURCE_TYPES: Readonly<Record<string, SourceReader>> = {
  git: (info) => ({ source: { kind: 'git', url: info.url, ...(info.resolvedReference !== undefined ? { commit: info.resolvedReference } : {}) }, local: false }),
  url: (info) => ({ source: { kind: 'url', url: info.url }, local: false }),
  file: (info, _develop, lockDir, projectDir) => ({ source: { kind: 'path', path: projectRelativePath(info.url, lockDir, projectDir) }, local: true }),
  directory: (info, develop, lockDir, projectDir) => ({ source: { kind: 'path', path: projectRelativePath(info.url, lockDir, projectDir), editable: develop }, local: true }),
  legacy: (info) =>
    isDefaultRegistry('pypi', info.url) ? { source: { kind: 'registry' }, local: false } : { source: { kind: 'registry', url: info.url }, local: false, indexUrl: info.url },
};

export function poetryPackageSource(
  info: PoetrySourceInfo | undefined,
  develop: boolean,
  lockDir: string,
  projectDir: string,
  fail: (message: string) => LockfileError,
): ResolvedSource {
  if (info === undefined) return { source: { kind: 'registry' }, local: false };
  const reader = SOURCE_TYPES[info.type];
  if (reader === undefined) throw fail(`unknown source type "${info.type}" (known: ${Object.keys(SOURCE_TYPES).join(', ')})`);
  return reader(info, develop, lockDir, projectDir);
}
