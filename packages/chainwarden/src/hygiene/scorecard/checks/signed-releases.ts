/**
 * Signed-Releases, offline: the release artefacts in dist/ and in the evidence store (data/artifacts/supply-chain/,
 * one release per directory below it) and what accompanies them: provenance (in-toto / SLSA), signatures (Sigstore
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

/** The release a file belongs to: dist/, or the first two directories below the evidence store. */
function releaseOf(path: string): string | undefined {
  if (path.startsWith('dist/')) return 'dist';
  if (!path.startsWith(STORE)) return undefined;
  const parts = path.slice(STORE.length).split('/');
  return parts.length <= 1 ? STORE.slice(0, -1) : `${STORE}${parts.slice(0, Math.min(2, parts.length - 1)).join('/')}`;
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
    const releases = new Map<string, Release>();
    for (const file of await repo.files()) {
      const key = releaseOf(file);
      if (key === undefined) continue;
      const r = releases.get(key) ?? { artefacts: [], signatures: [], provenance: [], checksums: [] };
      releases.set(key, r);
      if (SIGNATURE.test(file)) r.signatures.push(file);
      else if (PROVENANCE.test(file)) r.provenance.push(file);
      else if (CHECKSUMS.test(file)) r.checksums.push(file);
      else if (ARTEFACT.test(file)) r.artefacts.push(file);
    }
    const findings: CheckFinding[] = [];
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
