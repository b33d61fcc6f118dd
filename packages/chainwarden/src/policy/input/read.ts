/** Reads the files named by `policy eval --sbom/--provenance/--checksums/--signatures/--findings` into input parts. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { isRecord, parseJsonText } from '../../core/parse.js';
import { sbomFormat, viewSbom } from './components.js';
import type { FindingInput, PolicyInputParts, ScorecardCheckInput, SignatureInput } from './document.js';
import { matrixInputFromFile, semgrepInputFromFile } from './hygiene.js';

export interface PolicyInputFiles {
  readonly sbom?: string;
  readonly provenance?: string;
  readonly checksums?: string;
  readonly signatures?: string;
  readonly findings?: string;
  readonly scorecard?: string;
  /** dist/hygiene/semgrep.json (chainwarden hygiene semgrep). */
  readonly semgrep?: string;
  /** A dependency matrix JSON (chainwarden matrix --format json, or the matrix stage's). */
  readonly matrix?: string;
  readonly signaturesRequired?: boolean;
}

const factory = (file: string) => (message: string, loc: { line?: number; column?: number }, cause: unknown) => new InputError(message, { file, ...loc }, { cause });

async function readText(baseDir: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(baseDir, file), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file }, { cause: e });
  }
}

async function readJson(baseDir: string, file: string): Promise<unknown> {
  return parseJsonText(await readText(baseDir, file), file, factory(file));
}

/** A provenance file is an in-toto statement, or a DSSE envelope / Sigstore bundle carrying one. */
function statementOf(doc: unknown, file: string): unknown {
  if (!isRecord(doc)) throw new InputError('not an in-toto statement (expected a JSON object)', { file });
  // The npm registry's attestation document: { attestations: [{ predicateType, bundle }] } -> the SLSA one.
  if (Array.isArray(doc['attestations'])) {
    const slsa: unknown = (doc['attestations'] as unknown[]).find((a) => isRecord(a) && typeof a['predicateType'] === 'string' && a['predicateType'].startsWith('https://slsa.dev/provenance/'));
    if (!isRecord(slsa) || !isRecord(slsa['bundle'])) throw new InputError('an attestation document without a SLSA provenance attestation', { file, path: 'attestations' });
    return statementOf(slsa['bundle'], file);
  }
  const envelope = isRecord(doc['dsseEnvelope']) ? doc['dsseEnvelope'] : doc;
  if (typeof envelope['payload'] === 'string' && typeof envelope['payloadType'] === 'string') {
    const text = Buffer.from(envelope['payload'], 'base64').toString('utf8');
    return parseJsonText(text, `${file} (DSSE payload)`, factory(`${file} (DSSE payload)`));
  }
  if (!Array.isArray(doc['subject']) || typeof doc['predicateType'] !== 'string') throw new InputError('not an in-toto statement (no subject or predicateType)', { file });
  return doc;
}

function signatures(doc: unknown, file: string): SignatureInput[] {
  const items = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc['results']) ? doc['results'] : [doc];
  return items.map((r, i) => {
    if (!isRecord(r) || typeof r['verified'] !== 'boolean') throw new InputError('expected verification results (chainwarden verify --json): an object with "verified"', { file, path: `[${i}]` });
    const failure = isRecord(r['failure']) ? r['failure'] : undefined;
    return {
      artefact: typeof r['artefact'] === 'string' ? r['artefact'] : typeof r['artifact'] === 'string' ? r['artifact'] : null,
      bundle: typeof r['bundle'] === 'string' ? r['bundle'] : null,
      verified: r['verified'],
      mode: r['mode'] === 'key' || r['mode'] === 'keyless' ? r['mode'] : null,
      identity: r['identity'] ?? null,
      failure: failure !== undefined ? `${String(failure['name'])}: ${String(failure['detail'])}` : null,
    };
  });
}

const VEX_STATES = new Set(['not_affected', 'affected', 'fixed', 'under_investigation']);

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Findings: an array of finding objects or `{ "findings": [...] }` — the shape documented in the input schema, or
 * `chainwarden scan --format json` output (`vulnerability`, `fixed`, `class`, `vex.status`), read as the same thing.
 */
function findings(doc: unknown, file: string): FindingInput[] {
  const items = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc['findings']) ? doc['findings'] : undefined;
  if (items === undefined) throw new InputError('expected an array of findings or an object with "findings"', { file });
  return items.map((f, i) => {
    const id = isRecord(f) ? (f['id'] ?? f['vulnerability']) : undefined;
    if (!isRecord(f) || typeof id !== 'string') throw new InputError('a finding needs a string "id" (or "vulnerability")', { file, path: `findings[${i}]` });
    const c = isRecord(f['component']) ? f['component'] : {};
    const vexState = isRecord(f['vex']) ? (f['vex']['state'] ?? f['vex']['status']) : undefined;
    if (vexState !== undefined && !(typeof vexState === 'string' && VEX_STATES.has(vexState))) throw new InputError(`unknown VEX state ${JSON.stringify(vexState)} (one of ${[...VEX_STATES].join(', ')})`, { file, path: `findings[${i}].vex.state` });
    const vex = isRecord(f['vex']) && typeof vexState === 'string' ? { state: vexState, justification: typeof f['vex']['justification'] === 'string' ? f['vex']['justification'] : null } : null;
    const s = (k: string): string | null => (typeof c[k] === 'string' ? c[k] : null);
    return {
      id,
      aliases: strings(f['aliases']),
      class: typeof f['class'] === 'string' ? f['class'] : null,
      severity: typeof f['severity'] === 'string' ? f['severity'].toLowerCase() : 'unknown',
      component: { name: s('name'), version: s('version'), purl: s('purl') },
      vex,
      fixed_versions: strings(f['fixed_versions'] ?? f['fixed']),
    };
  });
}

/** A Scorecard result: `chainwarden scorecard --format json` or OpenSSF Scorecard's own `--format json` (same checks[] shape). */
export function scorecardPart(doc: unknown, file: string | null): NonNullable<PolicyInputParts['scorecard']> {
  const where = file ?? 'scorecard result';
  if (!isRecord(doc) || !Array.isArray(doc['checks'])) throw new InputError('expected a Scorecard result: an object with "checks"', { file: where });
  const checks: ScorecardCheckInput[] = (doc['checks'] as unknown[]).map((c, i) => {
    if (!isRecord(c) || typeof c['name'] !== 'string' || typeof c['score'] !== 'number') throw new InputError('a check needs a string "name" and a number "score"', { file: where, path: `checks[${i}]` });
    return { name: c['name'], score: c['score'], reason: typeof c['reason'] === 'string' ? c['reason'] : null, risk: typeof c['risk'] === 'string' ? c['risk'] : null };
  });
  return { file, score: typeof doc['score'] === 'number' ? doc['score'] : null, checks };
}

export async function readPolicyInputParts(baseDir: string, files: PolicyInputFiles): Promise<PolicyInputParts> {
  let parts: PolicyInputParts = { signaturesRequired: files.signaturesRequired };
  if (files.sbom !== undefined) {
    const document = await readJson(baseDir, files.sbom);
    const format = sbomFormat(document);
    if (format === undefined || !isRecord(document)) throw new InputError('not a CycloneDX or SPDX JSON SBOM (no bomFormat or spdxVersion)', { file: files.sbom });
    parts = { ...parts, sbom: { file: files.sbom, view: viewSbom(document, format), document } };
  }
  if (files.provenance !== undefined) parts = { ...parts, provenance: { file: files.provenance, statement: statementOf(await readJson(baseDir, files.provenance), files.provenance) } };
  if (files.checksums !== undefined) {
    const { parseChecksumLines } = await import('../../attest/checksum-lines.js');
    const entries = parseChecksumLines(await readText(baseDir, files.checksums), files.checksums);
    parts = { ...parts, artefacts: entries.map((e) => ({ name: e.name, digest: { [e.algorithm]: e.digest } })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  }
  if (files.signatures !== undefined) parts = { ...parts, signatures: signatures(await readJson(baseDir, files.signatures), files.signatures) };
  if (files.findings !== undefined) parts = { ...parts, findings: { file: files.findings, items: findings(await readJson(baseDir, files.findings), files.findings) } };
  if (files.scorecard !== undefined) parts = { ...parts, scorecard: scorecardPart(await readJson(baseDir, files.scorecard), files.scorecard) };
  if (files.semgrep !== undefined) parts = { ...parts, semgrep: semgrepInputFromFile(await readJson(baseDir, files.semgrep), files.semgrep) };
  if (files.matrix !== undefined) parts = { ...parts, matrix: matrixInputFromFile(await readJson(baseDir, files.matrix), files.matrix) };
  return parts;
}
