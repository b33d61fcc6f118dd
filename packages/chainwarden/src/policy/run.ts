/** The gate end to end: load policy/, build the inputs (arbitrary documents or the combined pipeline input), evaluate. */
import type { Value } from '@chainwarden/rego';
import { UsageError } from '../core/errors.js';
import { evaluateGate } from './gate.js';
import type { GateInput } from './gate.js';
import { buildPolicyInput } from './input/document.js';
import type { PolicyInputParts } from './input/document.js';
import { readPolicyInputParts } from './input/read.js';
import type { PolicyInputFiles } from './input/read.js';
import { loadPolicy } from './load-policy.js';
import { evaluateQueryGate } from './query-gate.js';
import type { QueryGateReport } from './query-gate.js';
import { readInputDocument } from './read-inputs.js';
import type { GateReport } from './result.js';

export interface PolicyRunOptions {
  readonly baseDir: string;
  /** Policy directory relative to baseDir (default `policy`). */
  readonly policyDir?: string;
  /** Arbitrary JSON/YAML documents, each evaluated on its own (conftest style). */
  readonly documents?: readonly string[];
  /** Files for the combined input document. */
  readonly files?: PolicyInputFiles;
  /** Already-built parts of the combined input (the pipeline stage). */
  readonly parts?: PolicyInputParts;
  readonly namespaces?: readonly string[];
  readonly allNamespaces?: boolean;
  readonly failOnWarn?: boolean;
  readonly now?: Date;
  readonly timeoutMs?: number;
}

const COMBINED_FLAGS = ['sbom', 'provenance', 'checksums', 'signatures', 'findings', 'scorecard', 'semgrep', 'matrix'] as const;

async function gateInputs(opts: PolicyRunOptions): Promise<GateInput[]> {
  const docs = opts.documents ?? [];
  const files = opts.files ?? {};
  const combined = COMBINED_FLAGS.some((k) => files[k] !== undefined) || opts.parts !== undefined;
  if (docs.length > 0 && combined) throw new UsageError('policy eval: give either input files or --sbom/--provenance/--checksums/--signatures/--findings/--scorecard, not both');
  if (docs.length === 0 && !combined) throw new UsageError('policy eval: no input (give JSON/YAML files, or --sbom/--provenance/--findings for the combined input document)');
  // Read every input before evaluating anything: a bad input stops the run before any result.
  if (docs.length > 0) return Promise.all(docs.map(async (d) => ({ name: d, value: await readInputDocument(opts.baseDir, d) })));
  const parts = opts.parts ?? (await readPolicyInputParts(opts.baseDir, files));
  const named = COMBINED_FLAGS.map((k) => files[k]).filter((f): f is string => f !== undefined);
  return [{ name: named.length > 0 ? named.join(' + ') : 'pipeline', value: buildPolicyInput(parts) as unknown as Value }];
}

export async function runPolicyGate(opts: PolicyRunOptions): Promise<GateReport> {
  const inputs = await gateInputs(opts);
  const loaded = await loadPolicy(opts.policyDir ?? 'policy', opts.baseDir);
  return evaluateGate(loaded, inputs, { namespaces: opts.namespaces, allNamespaces: opts.allNamespaces, failOnWarn: opts.failOnWarn, now: opts.now ?? new Date(), timeoutMs: opts.timeoutMs });
}

export async function runPolicyQuery(opts: PolicyRunOptions & { readonly query: string }): Promise<QueryGateReport> {
  const inputs = await gateInputs(opts);
  const loaded = await loadPolicy(opts.policyDir ?? 'policy', opts.baseDir);
  return evaluateQueryGate(loaded, opts.query, inputs, opts.now ?? new Date(), opts.timeoutMs);
}
