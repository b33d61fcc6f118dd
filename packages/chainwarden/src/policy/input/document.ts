/**
 * The input document of `chainwarden policy eval` and the `policy` stage: what the pipeline knows, in one object.
 * Its JSON Schema is `schemas/policy-input.schema.json`; every slot is always present (with `present`/`scanned`
 * flags) so that a rule can tell "no finding" from "no scan ran".
 */
import type { PolicyComponent, SbomView } from './components.js';
import type { MatrixInput, SemgrepInput } from './hygiene.js';
import { NO_MATRIX, NO_SEMGREP } from './hygiene.js';

export const POLICY_INPUT_SCHEMA = 'https://chainwarden.dev/schemas/policy-input/v1';

export interface ProvenanceInput {
  readonly present: boolean;
  readonly file: string | null;
  readonly predicate_type: string | null;
  readonly builder_id: string | null;
  readonly build_type: string | null;
  readonly subjects: readonly { readonly name: string; readonly digest: Readonly<Record<string, string>> }[];
  /** The whole in-toto statement as read. */
  readonly statement: unknown;
}

export interface SignatureInput {
  /** The artefact the signature covers (relative path), when known. */
  readonly artefact: string | null;
  readonly bundle: string | null;
  readonly verified: boolean;
  readonly mode: 'key' | 'keyless' | null;
  readonly identity: unknown;
  readonly failure: string | null;
}

export interface FindingInput {
  /** Advisory id (CVE-…, GHSA-…, PYSEC-…, MAL-…). */
  readonly id: string;
  readonly aliases: readonly string[];
  /** The scan's class (vulnerability, malicious, informational, unknown-version), or null when not given. */
  readonly class: string | null;
  /** critical | high | medium | low | none | unknown */
  readonly severity: string;
  readonly component: { readonly name: string | null; readonly version: string | null; readonly purl: string | null };
  /** The VEX statement that applies, if any: state is not_affected | affected | fixed | under_investigation. */
  readonly vex: { readonly state: string; readonly justification: string | null } | null;
  readonly fixed_versions: readonly string[];
}

/** One check of a Scorecard-style run (chainwarden scorecard, or OpenSSF Scorecard's JSON). */
export interface ScorecardCheckInput {
  readonly name: string;
  /** 0-10, or -1 when the check could not conclude. */
  readonly score: number;
  readonly reason: string | null;
  readonly risk: string | null;
}

export interface ScorecardInput {
  /** `ran: false` means no scorecard ran (not that every check passed). */
  readonly ran: boolean;
  readonly file: string | null;
  readonly score: number | null;
  readonly checks: readonly ScorecardCheckInput[];
}

export interface PolicyInput {
  readonly $schema: typeof POLICY_INPUT_SCHEMA;
  readonly project: { readonly name: string; readonly version: string | null } | null;
  readonly sbom: { readonly present: boolean; readonly file: string | null; readonly format: SbomView['format'] | null; readonly root: PolicyComponent | null; readonly components: readonly PolicyComponent[]; readonly document: unknown };
  readonly provenance: ProvenanceInput;
  /** Build artefacts with their digests (from a checksum file), to compare with the provenance subjects. */
  readonly artefacts: readonly { readonly name: string; readonly digest: Readonly<Record<string, string>> }[];
  readonly signatures: { readonly required: boolean; readonly checked: boolean; readonly results: readonly SignatureInput[] };
  /** `scanned: false` means no vulnerability scan ran (not that nothing was found). */
  readonly findings: { readonly scanned: boolean; readonly file: string | null; readonly items: readonly FindingInput[] };
  /** Scorecard-style repository checks (`input.scorecard.checks[]`, e.g. Dangerous-Workflow with its score). */
  readonly scorecard: ScorecardInput;
  /** Imported Semgrep results (`chainwarden hygiene semgrep`); `imported: false` when none. */
  readonly semgrep: SemgrepInput;
  /** The dependency matrix and the drift of a hand-written one; `built: false` when none. */
  readonly matrix: MatrixInput;
}

export interface PolicyInputParts {
  readonly sbom?: { readonly file: string; readonly view: SbomView; readonly document: unknown };
  readonly provenance?: { readonly file: string; readonly statement: unknown };
  readonly artefacts?: PolicyInput['artefacts'];
  readonly signatures?: readonly SignatureInput[];
  readonly signaturesRequired?: boolean;
  readonly findings?: { readonly file: string | null; readonly items: readonly FindingInput[] };
  readonly scorecard?: { readonly file: string | null; readonly score: number | null; readonly checks: readonly ScorecardCheckInput[] };
  readonly semgrep?: SemgrepInput;
  readonly matrix?: MatrixInput;
}

const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function provenanceInput(p: PolicyInputParts['provenance']): ProvenanceInput {
  if (p === undefined) return { present: false, file: null, predicate_type: null, builder_id: null, build_type: null, subjects: [], statement: null };
  const st = rec(p.statement);
  const pred = rec(st['predicate']);
  const def = rec(pred['buildDefinition']);
  const run = rec(pred['runDetails']);
  // SLSA v1 (runDetails.builder.id, buildDefinition.buildType) or v0.2 (builder.id, buildType).
  const builder = text(rec(run['builder'])['id']) ?? text(rec(pred['builder'])['id']);
  const subjects = (Array.isArray(st['subject']) ? st['subject'] : []).map((s) => {
    const r = rec(s);
    const digest = Object.fromEntries(Object.entries(rec(r['digest'])).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { name: text(r['name']) ?? '', digest };
  });
  return { present: true, file: p.file, predicate_type: text(st['predicateType']), builder_id: builder, build_type: text(def['buildType']) ?? text(pred['buildType']), subjects, statement: p.statement };
}

export function buildPolicyInput(parts: PolicyInputParts): PolicyInput {
  const root = parts.sbom?.view.root ?? null;
  return {
    $schema: POLICY_INPUT_SCHEMA,
    project: root !== null ? { name: root.name, version: root.version } : null,
    sbom:
      parts.sbom !== undefined
        ? { present: true, file: parts.sbom.file, format: parts.sbom.view.format, root, components: parts.sbom.view.components, document: parts.sbom.document }
        : { present: false, file: null, format: null, root: null, components: [], document: null },
    provenance: provenanceInput(parts.provenance),
    artefacts: parts.artefacts ?? [],
    signatures: { required: parts.signaturesRequired ?? false, checked: parts.signatures !== undefined, results: parts.signatures ?? [] },
    findings: parts.findings !== undefined ? { scanned: true, file: parts.findings.file, items: parts.findings.items } : { scanned: false, file: null, items: [] },
    scorecard: parts.scorecard !== undefined ? { ran: true, ...parts.scorecard } : { ran: false, file: null, score: null, checks: [] },
    semgrep: parts.semgrep ?? NO_SEMGREP,
    matrix: parts.matrix ?? NO_MATRIX,
  };
}
