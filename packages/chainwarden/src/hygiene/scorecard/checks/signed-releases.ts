/**
 * Signed-Releases, offline: the release artefacts in dist/ and in the evidence store (data/artifacts/supply-chain/,
 * one release per index, read through the store itself) and what accompanies them: provenance (in-toto / SLSA), signatures (Sigstore
 * bundles, .sig, .asc, .minisig), checksum files. Per release, as Scorecard scores it: provenance 10, signatures 8,
 * neither 0 (checksums alone prove integrity, not origin); the score is the mean over releases.
 */
import type { Check, CheckFinding } from '../types.js';
import { INCONCLUSIVE, MAX_SCORE } from '../types.js';

const STORE = 'data/artifacts/supply-chain/';
const ARTEFACT = /\.(whl|tar\.gz|tgz|zip|jar|deb|rpm|exe|msi|dmg|apk|gem|nupkg|crate|tar\.xz|tar\.zst)$/i;
const SIGNATURE = /\.(sigstore\.json|sigstore|sig|asc|minisig)$/i;
const PROVENANCE = /(\.intoto\.jsonl?|(^|\/)[^/]*provenance[^/]*\.json)$/i;
const CHECKSUMS = /(^|\/)(checksums?\.txt|sha256sums(\.txt)?|sha512sums(\.txt)?|[^/]+\.sha(256|512))$/i;

/** Files are grouped by release: dist/ is this build's; the store's releases come from its indexes. */
function releaseOf(path: string): string | undefined {
  return path.startsWith('dist/') ? 'dist' : undefined;
}

function classify(r: Release, file: string, kind?: string): void {
  if (kind === 'bundle' || SIGNATURE.test(file)) r.signatures.push(file);
  else if (kind === 'provenance' || PROVENANCE.test(file)) r.provenance.push(file);
  else if (kind === 'checksums' || CHECKSUMS.test(file)) r.checksums.push(file);
  else if (ARTEFACT.test(file)) r.artefacts.push(file);
}

/** The evidence store's releases (a hostile or unreadable store is a finding, not a crash). */
async function storeReleases(root: string, findings: CheckFinding[]): Promise<Map<string, Release>> {
  const out = new Map<string, Release>();
  const fs = await import('node:fs');
  const path = await import('node:path');
  if (!fs.existsSync(path.join(root, STORE))) return out;
  const { openStore } = await import('../../../store/open-store.js');
  try {
    for (const { index } of await openStore({ projectDir: root, path: STORE }).readAll()) {
      const r: Release = { artefacts: [], signatures: [], provenance: [], checksums: [] };
      for (const e of index.entries) classify(r, `${STORE}${index.release}/${e.name}`, e.kind);
      out.set(`${STORE}${index.release}`, r);
    }
  } catch (error) {
    findings.push({ level: 'Warn', message: `evidence store not read: ${error instanceof Error ? error.message : String(error)}`, file: STORE.slice(0, -1) });
  }
  return out;
}

interface Release {
  artefacts: string[];
  signatures: string[];
  provenance: string[];
  checksums: string[];
}

export const signedReleases: Check = {
  name: 'Signed-Releases',
  risk: 'High',
  short: 'Determines if the project cryptographically signs release artifacts.',
  async run(repo) {
    const findings: CheckFinding[] = [];
    const releases = await storeReleases(repo.root, findings);
    for (const file of await repo.files()) {
      const key = releaseOf(file);
      if (key === undefined) continue;
      const r = releases.get(key) ?? { artefacts: [], signatures: [], provenance: [], checksums: [] };
      releases.set(key, r);
      classify(r, file);
    }
    const scores: number[] = [];
    for (const [name, r] of [...releases].sort(([a], [b]) => a.localeCompare(b))) {
      if (r.artefacts.length === 0) continue;
      const signedNames = new Set(r.signatures.map((s) => s.replace(SIGNATURE, '')));
      const unsigned = r.artefacts.filter((a) => !signedNames.has(a));
      if (r.provenance.length > 0) findings.push({ level: 'Info', message: `release ${name}: provenance found`, file: r.provenance[0] });
      if (r.signatures.length > 0) findings.push({ level: 'Info', message: `release ${name}: ${r.signatures.length} signature(s) found`, file: r.signatures[0] });
      if (r.checksums.length > 0) findings.push({ level: 'Info', message: `release ${name}: checksum file found (integrity, not origin)`, file: r.checksums[0] });
      for (const a of unsigned) findings.push({ level: r.provenance.length > 0 ? 'Debug' : 'Warn', message: `release artefact without a signature beside it`, file: a });
      scores.push(r.provenance.length > 0 ? MAX_SCORE : r.signatures.length > 0 ? 8 : 0);
      if (r.provenance.length === 0 && r.signatures.length === 0) findings.push({ level: 'Warn', message: `release ${name}: ${r.artefacts.length} artefact(s) with neither signatures nor provenance` });
    }
    if (scores.length === 0) return { score: INCONCLUSIVE, reason: 'no release artefacts found in dist/ or data/artifacts/supply-chain/', findings };
    const score = Math.trunc(scores.reduce((a, b) => a + b, 0) / scores.length);
    return { score, reason: `${scores.filter((s) => s > 0).length} of ${scores.length} release(s) signed or with provenance`, findings };
  },
};
