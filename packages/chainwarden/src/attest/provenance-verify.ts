/**
 * `chainwarden provenance verify`: every artefact's digest matches a subject of the provenance, and the provenance
 * says what the caller expects (builder, source repository, ref), like slsa-verifier's options. Signatures are not
 * checked here (that is `chainwarden verify`).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IoError } from '../core/errors.js';
import { selectFiles } from '../core/select-files.js';
import type { Attestation } from './attestation-document.js';
import { readAttestations } from './attestation-document.js';
import type { DigestAlgorithm } from './file-digest.js';
import { DIGEST_ALGORITHMS, digestFile } from './file-digest.js';
import { splitSourceUri } from './slsa-predicates.js';

type ProvenanceAttestation = Attestation & Required<Pick<Attestation, 'statement' | 'provenance'>>;

export interface ProvenanceExpectations {
  readonly builderId?: string;
  /** e.g. github.com/owner/repo or https://github.com/owner/repo (scheme, git+ and .git are ignored). */
  readonly sourceUri?: string;
  /** refs/heads/main, refs/tags/v1.2.0, or a short branch/tag name. */
  readonly sourceRef?: string;
}

export interface VerifyProvenanceOptions extends ProvenanceExpectations {
  readonly file: string;
  /** Artefact files or globs. */
  readonly subjects: readonly string[];
  /** Directory file names are relative to. */
  readonly baseDir: string;
}

export interface SubjectCheck {
  readonly file: string;
  readonly ok: boolean;
  /** The subject name it matched, and by which algorithm. */
  readonly matched?: { readonly name: string; readonly algorithm: string; readonly location: string };
  readonly digest: Readonly<Record<string, string>>;
}

export interface ProvenanceVerification {
  readonly file: string;
  readonly ok: boolean;
  readonly subjects: readonly SubjectCheck[];
  /** One line per thing that did not match. */
  readonly problems: readonly string[];
  readonly note: string;
}

/** `https://github.com/o/r.git`, `git+https://github.com/o/r@refs/heads/main` and `github.com/o/r` compare equal. */
export function normaliseRepository(uri: string): string {
  const bare = splitSourceUri(uri.replace(/^git\+/, '')).repository;
  return bare.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^@/]*@/, '').replace(/\.git$/, '').replace(/\/+$/, '').toLowerCase();
}

function refMatches(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  return actual === expected || actual === `refs/heads/${expected}` || actual === `refs/tags/${expected}`;
}

export async function verifyProvenance(options: VerifyProvenanceOptions): Promise<ProvenanceVerification> {
  let text: string;
  try {
    text = await readFile(resolve(options.baseDir, options.file), 'utf8');
  } catch (error) {
    throw new IoError(`${options.file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const all = readAttestations(text, options.file);
  const provenance = all.filter((a): a is ProvenanceAttestation => a.provenance !== undefined && a.statement !== undefined);
  const problems: string[] = [];
  if (provenance.length === 0) problems.push(`${options.file}: holds no SLSA provenance (v0.2 or v1)`);

  const files = await selectFiles({ baseDir: options.baseDir, patterns: options.subjects });
  const algorithms = new Set<DigestAlgorithm>(['sha256']);
  for (const a of provenance) for (const s of a.statement.statement.subject) for (const alg of Object.keys(s.digest ?? {})) if ((DIGEST_ALGORITHMS as readonly string[]).includes(alg)) algorithms.add(alg as DigestAlgorithm);

  const used = new Set<ProvenanceAttestation>();
  const subjects: SubjectCheck[] = [];
  for (const file of files) {
    const digest = await digestFile(file.path, [...algorithms]);
    let matched: SubjectCheck['matched'];
    for (const a of provenance) {
      for (const s of a.statement.statement.subject) {
        const alg = [...algorithms].find((x) => s.digest?.[x] !== undefined && s.digest[x]?.toLowerCase() === digest[x]);
        if (alg !== undefined) {
          matched ??= { name: s.name ?? '', algorithm: alg, location: a.location };
          used.add(a);
        }
      }
    }
    if (matched === undefined) problems.push(`${file.name}: sha256 ${digest.sha256} matches no subject of ${options.file}`);
    subjects.push({ file: file.name, ok: matched !== undefined, ...(matched !== undefined ? { matched } : {}), digest });
  }

  const checked = used.size > 0 ? [...used] : provenance;
  for (const a of checked) {
    const where = a.location === '' ? options.file : `${options.file} (${a.location})`;
    const facts = a.provenance;
    if (options.builderId !== undefined && facts.builderId !== options.builderId) {
      problems.push(`${where}: builder id is ${facts.builderId}, expected ${options.builderId}`);
    }
    if (options.sourceUri !== undefined) {
      const actual = facts.source?.uri;
      if (actual === undefined || normaliseRepository(actual) !== normaliseRepository(options.sourceUri)) {
        problems.push(`${where}: source is ${actual ?? 'not recorded'}, expected ${options.sourceUri}`);
      }
    }
    if (options.sourceRef !== undefined && !refMatches(options.sourceRef, facts.source?.ref)) {
      problems.push(`${where}: source ref is ${facts.source?.ref ?? 'not recorded'}, expected ${options.sourceRef}`);
    }
  }
  return {
    file: options.file,
    ok: problems.length === 0,
    subjects,
    problems,
    note: 'signatures were not verified (use chainwarden verify for signed attestations)',
  };
}
