/**
 * The promotion gate: every `deny`/`violation`/`warn` rule of the selected namespaces over each input, with Rego
 * `exception` rules and `exceptions.yaml` applied. `deny`/`violation` messages close the gate, `warn` ones close it
 * only with `failOnWarn`; an expired exception waives nothing and is reported as expired.
 */
import { PolicyError } from '../core/errors.js';
import type { Value } from '@chainwarden/rego';
import { exceptionsFor, isExpired } from './exceptions.js';
import type { LoadedPolicy } from './load-policy.js';
import { exceptionIds, ruleMessages } from './messages.js';
import { withPolicyErrors } from './rego/evaluate.js';
import type { GateReport, InputResult, PolicyViolation } from './result.js';
import { gateRules } from './rules.js';
import type { GateRule } from './rules.js';

export interface GateOptions {
  /** Namespaces (Rego packages) to evaluate; default `main`. */
  readonly namespaces?: readonly string[];
  readonly allNamespaces?: boolean;
  readonly failOnWarn?: boolean;
  /** For exception expiry and time.now_ns. */
  readonly now: Date;
  readonly timeoutMs?: number;
}

export interface GateInput {
  readonly name: string;
  readonly value: Value;
}

const ref = (ns: string, rule: string): string => `data${[...ns.split('.'), rule].map((p) => `[${JSON.stringify(p)}]`).join('')}`;

const exceptionSource = (loaded: LoadedPolicy, line: number): string => `${loaded.dir.replace(/\/+$/, '')}/exceptions.yaml:${line}`;

const DEFAULT_SEVERITY: Record<GateRule['kind'], string> = { deny: 'high', warn: 'low' };

function evaluateOne(loaded: LoadedPolicy, rules: readonly GateRule[], exceptionNs: ReadonlySet<string>, input: GateInput, opts: GateOptions): InputResult {
  const nowNs = BigInt(opts.now.getTime()) * 1_000_000n;
  const query = (q: string): Value | undefined =>
    withPolicyErrors(() => loaded.policy.prepare(q).eval({ input: input.value, nowNs, timeoutMs: opts.timeoutMs, strictBuiltinErrors: true })[0]?.expressions[0]?.value);
  const skippedIds = new Map<string, Set<string>>();
  for (const ns of exceptionNs) skippedIds.set(ns, exceptionIds(query(ref(ns, 'exception'))));
  const violations: PolicyViolation[] = [];
  const passed: string[] = [];
  const skipped: string[] = [];
  for (const rule of rules) {
    const qualified = `${rule.namespace}.${rule.name}`;
    if (rule.waivable && rule.name !== rule.id && skippedIds.get(rule.namespace)?.has(rule.id) === true) {
      skipped.push(qualified);
      continue;
    }
    const messages = ruleMessages(query(ref(rule.namespace, rule.name)), rule.name);
    if (messages.length === 0) passed.push(qualified);
    for (const m of messages) {
      const matches = rule.waivable ? exceptionsFor(loaded.exceptions, rule.id, m.target) : [];
      const valid = matches.find((e) => !isExpired(e, opts.now));
      const applied = valid ?? matches[0];
      const status = valid !== undefined ? 'excepted' : rule.kind === 'deny' ? 'failure' : 'warning';
      violations.push({
        namespace: rule.namespace,
        rule: rule.name,
        ruleId: rule.id,
        kind: rule.kind,
        status,
        msg: m.msg,
        target: m.target,
        severity: m.severity ?? rule.severity ?? DEFAULT_SEVERITY[rule.kind],
        title: m.title ?? rule.title,
        description: rule.description,
        remediation: m.remediation ?? rule.remediation,
        location: { file: rule.file, line: rule.line },
        details: m.details,
        exception: applied !== undefined ? { owner: applied.owner, reason: applied.reason, expires: applied.expires, expired: valid === undefined, source: exceptionSource(loaded, applied.line) } : null,
      });
    }
  }
  return { input: input.name, violations, passed, skipped };
}

export function evaluateGate(loaded: LoadedPolicy, inputs: readonly GateInput[], opts: GateOptions): GateReport {
  const all = gateRules(loaded.policy);
  const wanted = opts.allNamespaces === true ? all.namespaces : (opts.namespaces ?? ['main']);
  const missing = wanted.filter((ns) => !all.namespaces.includes(ns));
  if (missing.length > 0 && opts.allNamespaces !== true)
    throw new PolicyError(`${loaded.dir}: no policy in namespace ${missing.join(', ')} (packages found: ${all.namespaces.join(', ') || 'none'}; use --namespace or --all-namespaces)`, 'namespace_not_found');
  const rules = all.rules.filter((r) => wanted.includes(r.namespace));
  const exceptionNs = new Set([...all.withExceptions].filter((ns) => wanted.includes(ns)));
  const results = inputs.map((i) => evaluateOne(loaded, rules, exceptionNs, i, opts));
  const vs = results.flatMap((r) => r.violations);
  const counts = {
    failures: vs.filter((v) => v.status === 'failure').length,
    warnings: vs.filter((v) => v.status === 'warning').length,
    excepted: vs.filter((v) => v.status === 'excepted').length,
    expiredExceptions: vs.filter((v) => v.exception?.expired === true).length,
    rules: rules.length,
  };
  const open = counts.failures === 0 && (opts.failOnWarn !== true || counts.warnings === 0);
  const used = new Set(vs.map((v) => v.exception?.source).filter((s): s is string => s !== undefined));
  const unusedExceptions = loaded.exceptions
    .map((e) => ({ rule: e.rule, target: e.target, expires: e.expires, source: exceptionSource(loaded, e.line) }))
    .filter((e) => !used.has(e.source));
  return { policyDir: loaded.dir, namespaces: wanted, failOnWarn: opts.failOnWarn === true, rules, inputs: results, counts, unusedExceptions, open };
}
