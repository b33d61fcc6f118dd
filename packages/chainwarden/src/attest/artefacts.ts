/**
 * Which files in a project's `dist/` are build artefacts (the default subjects of provenance): packages and archives
 * that builds publish, never chainwarden's own evidence (SBOMs, provenance, checksums, signatures).
 */
import { selectFiles } from '../core/select-files.js';
import type { SelectedFile } from '../core/select-files.js';

/** File name endings of build artefacts, by ecosystem. */
export const ARTEFACT_SUFFIXES: readonly string[] = [
  '.whl', '.tar.gz', '.tgz', '.tar.bz2', '.tar.xz', '.tar.zst', '.zip', '.egg', // Python sdists/wheels, archives
  '.jar', '.war', '.ear', // JVM
  '.gem', '.crate', '.nupkg', // Ruby, Rust, .NET
  '.deb', '.rpm', '.apk', '.msi', '.dmg', '.pkg', '.exe', '.appimage', '.snap', // OS packages, installers
  '.wasm', '.oci.tar', // other
];

/** Evidence folders under dist/ that are never artefacts. */
const EVIDENCE_DIRS = ['sbom/', 'provenance/', 'checksums/', 'attestations/', 'signatures/'];

export function isArtefactName(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTEFACT_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** The build artefacts under `<projectDir>/dist/` (sorted; empty when there is no dist/). */
export async function findArtefacts(projectDir: string, distDir = 'dist'): Promise<SelectedFile[]> {
  const files = await selectFiles({ baseDir: projectDir, patterns: [`${distDir}/**`], allowEmpty: true });
  return files.filter((f) => isArtefactName(f.name) && !EVIDENCE_DIRS.some((d) => f.name.startsWith(`${distDir}/${d}`)));
}
