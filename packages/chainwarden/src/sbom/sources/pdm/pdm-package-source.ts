import type { PackageSource } from '../../model.js';
import { projectRelativePath } from '../python-common/local-path.js';
import type { PdmPackage } from './pdm-lock-schema.js';

/**
 * Where a pdm.lock package comes from: a VCS checkout (`git = …`, `revision` is the resolved commit), a local
 * `path` (or a `file://` url), a direct `url`, or — by default — the package index. pdm.lock does not record which
 * configured index a package was resolved from.
 */
export function pdmPackageSource(pkg: PdmPackage, lockDir: string, projectDir: string): { source: PackageSource; local: boolean } {
  if (pkg.vcs !== undefined) {
    if (pkg.vcs.kind === 'git') return { source: { kind: 'git', url: pkg.vcs.url, ...(pkg.vcs.revision !== undefined ? { commit: pkg.vcs.revision } : {}) }, local: false };
    const at = pkg.vcs.revision !== undefined ? `@${pkg.vcs.revision}` : '';
    return { source: { kind: 'url', url: `${pkg.vcs.kind}+${pkg.vcs.url}${at}` }, local: false };
  }
  const local = pkg.path ?? (pkg.url !== undefined && /^file:/.test(pkg.url) ? pkg.url : undefined);
  if (local !== undefined) return { source: { kind: 'path', path: projectRelativePath(local, lockDir, projectDir), editable: pkg.editable }, local: true };
  if (pkg.url !== undefined) return { source: { kind: 'url', url: pkg.url }, local: false };
  return { source: { kind: 'registry' }, local: false };
}
