/** What the gate found: violations per input, with the rule's metadata and any exception that applies. */
import type { GateRule, RuleKind } from './rules.js';

export interface AppliedException {
  readonly owner: string;
  readonly reason: string;
  readonly expires: string;
  readonly expired: boolean;
  /** `policy/exceptions.yaml:12`, or `rego:exception` for a Rego `exception` rule. */
  readonly source: string;
}

export interface PolicyViolation {
  readonly namespace: string;
  readonly rule: string;
  readonly ruleId: string;
  readonly kind: RuleKind;
  /** failure: closes the gate; warning: reported; excepted: waived by a valid exception. */
  readonly status: 'failure' | 'warning' | 'excepted';
  readonly msg: string;
  /** What the violation is about (a purl, an artefact, an advisory id), when the rule says. */
  readonly target: string | null;
  readonly severity: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly remediation: string | null;
  readonly location: { readonly file: string; readonly line: number };
  /** The message object's other fields. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly exception: AppliedException | null;
}

export interface InputResult {
  /** The input's name: a file path, or `pipeline` for the combined document. */
  readonly input: string;
  readonly violations: readonly PolicyViolation[];
  /** Gate rules evaluated on this input that produced nothing. */
  readonly passed: readonly string[];
  /** Rules skipped by a Rego `exception` rule (`namespace.rule`). */
  readonly skipped: readonly string[];
}

export interface GateCounts {
  readonly failures: number;
  readonly warnings: number;
  readonly excepted: number;
  readonly expiredExceptions: number;
  readonly rules: number;
}

export interface GateReport {
  readonly policyDir: string;
  readonly namespaces: readonly string[];
  readonly failOnWarn: boolean;
  readonly rules: readonly GateRule[];
  readonly inputs: readonly InputResult[];
  readonly counts: GateCounts;
  /** Entries of exceptions.yaml that matched no violation of any input (stale: remove them, or fix their target). */
  readonly unusedExceptions: readonly { readonly rule: string; readonly target: string; readonly expires: string; readonly source: string }[];
  /** True when nothing closes the gate (no failure; no warning either with --fail-on-warn). */
  readonly open: boolean;
}
