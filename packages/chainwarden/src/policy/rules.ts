/**
 * The gate's rules in a compiled policy, conftest-style: in each namespace (Rego package), rules named `deny`,
 * `violation` or `warn`, optionally with a `_<id>` suffix, and `exception` rules naming suffixes to skip. Each rule's
 * METADATA (title, description, custom.severity, custom.remediation) and location come along for the reports.
 */
import type { Policy } from '@chainwarden/rego';

export type RuleKind = 'deny' | 'warn';

export interface GateRule {
  readonly namespace: string;
  /** The rule's name, e.g. `deny_unknown_licence`. */
  readonly name: string;
  /** The name without its kind prefix (`unknown_licence`), or the name itself for a bare `deny`/`warn`. */
  readonly id: string;
  readonly kind: RuleKind;
  readonly title: string | null;
  readonly description: string | null;
  readonly severity: string | null;
  readonly remediation: string | null;
  /** False when METADATA says `custom.waivable: false`: no exception (file or Rego rule) applies. */
  readonly waivable: boolean;
  readonly file: string;
  readonly line: number;
}

const GATE_RULE = /^(deny|violation|warn)(?:_([A-Za-z0-9_]+))?$/;

interface Annotated {
  readonly title?: unknown;
  readonly description?: unknown;
  readonly custom?: Readonly<Record<string, unknown>>;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export interface PolicyRules {
  readonly namespaces: readonly string[];
  readonly rules: readonly GateRule[];
  /** Namespaces that define an `exception` rule. */
  readonly withExceptions: ReadonlySet<string>;
}

export function gateRules(policy: Policy): PolicyRules {
  const byKey = new Map<string, GateRule>();
  const namespaces = new Set<string>();
  const withExceptions = new Set<string>();
  for (const m of policy.compiled.modules) {
    const ns = m.packagePath.join('.');
    namespaces.add(ns);
    for (const r of m.rules) {
      const head = r.ref[0];
      if (r.ref.length !== 1 || head?.type !== 'var') continue;
      if (head.name === 'exception') withExceptions.add(ns);
      const match = GATE_RULE.exec(head.name);
      if (match === null) continue;
      const key = `${ns}\u0000${head.name}`;
      const ann = (r.annotations as unknown as Annotated | null) ?? null;
      const known = byKey.get(key);
      if (known !== undefined && (known.title !== null || ann === null)) continue;
      byKey.set(key, {
        namespace: ns,
        name: head.name,
        id: match[2] ?? head.name,
        kind: match[1] === 'warn' ? 'warn' : 'deny',
        title: text(ann?.title),
        description: text(ann?.description),
        severity: text(ann?.custom?.['severity'])?.toLowerCase() ?? null,
        remediation: text(ann?.custom?.['remediation']),
        waivable: ann?.custom?.['waivable'] !== false,
        file: known?.file ?? m.file,
        line: known?.line ?? head.loc.row,
      });
    }
  }
  const rules = [...byKey.values()].sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.namespace < b.namespace ? -1 : 1));
  return { namespaces: [...namespaces].sort(), rules, withExceptions };
}
