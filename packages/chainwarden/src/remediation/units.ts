/**
 * Remediation units: one per (product, component, fix target) — "upgrade jinja2 3.1.2 → 3.1.6 fixes 3 advisories" —
 * not one per CVE. Per component, the fix target is the smallest fixed version that clears the most of its
 * advisories; findings that target leaves open get the next unit, and so on; findings no fixed version clears make
 * one `no-fix` unit; malicious packages one `remove` unit. VEX-suppressed findings take part like the others (so
 * ids do not depend on VEX); a unit whose findings are all suppressed is `not-affected`.
 */
import { sha256Hex } from '../core/digest.js';
import { parsePurl } from '../core/purl-parse.js';
import type { VexedFinding } from '../findings/apply-vex.js';
import type { ScanReport } from '../findings/scan.js';
import { schemeFor } from '../advisories/versions/index.js';
import type { VersionScheme } from '../advisories/versions/index.js';
import type { RemediationSeverity } from './severity.js';
import { maxSeverity, remediationSeverity } from './severity.js';

export type RemediationAction = 'upgrade' | 'remove' | 'no-fix';

/** One finding as the backlog keeps it: enough to explain the entry without the scan. */
export interface UnitFinding {
  readonly vulnerability: string;
  readonly aliases: readonly string[];
  readonly class: 'vulnerability' | 'malicious';
  readonly severity: RemediationSeverity;
  readonly score?: number;
  readonly severitySource?: string;
  readonly summary?: string;
  /** The component version it was found in. */
  readonly version?: string;
  readonly fixed: readonly string[];
  readonly advisories: readonly string[];
  /** Set when a VEX statement suppresses it (not_affected / fixed). */
  readonly vex?: { readonly status: string; readonly justification?: string; readonly document: string; readonly at: string };
}

export interface UnitComponent {
  /** The identity that survives version changes: the purl without version/qualifiers, else `name:<name>`. */
  readonly key: string;
  readonly name: string;
  readonly versions: readonly string[];
  readonly purl?: string;
  /** The OSV ecosystem of its advisories (e.g. PyPI). */
  readonly ecosystem?: string;
  /** The purl type (pypi, npm, cargo…). */
  readonly type?: string;
}

export interface RemediationUnit {
  readonly id: string;
  readonly product: string;
  readonly component: UnitComponent;
  readonly action: RemediationAction;
  readonly target?: string;
  readonly findings: readonly UnitFinding[];
  readonly severity: RemediationSeverity;
  /** Every finding suppressed by VEX. */
  readonly notAffected: boolean;
}

/** Whether upgrading to `candidate` clears a finding; undefined when it cannot tell (then fixed versions decide). */
export type FixOracle = (finding: VexedFinding, candidate: string) => boolean | undefined;

/** The stable id: product, component identity and fix target, hashed (`CW-` and 10 hex digits). */
export function unitId(product: string, componentKey: string, action: RemediationAction, target: string | undefined): string {
  return `CW-${sha256Hex(`${product}\u0000${componentKey}\u0000${action}\u0000${target ?? ''}`).slice(0, 10)}`;
}

/** The identity of a component across versions. */
export function componentKeyOf(c: { readonly name: string; readonly purl?: string }): { key: string; type?: string } {
  const p = c.purl !== undefined ? parsePurl(c.purl) : undefined;
  if (p === undefined) return { key: `name:${c.name}` };
  const ns = p.namespace !== undefined && p.namespace !== '' ? `${p.namespace}/` : '';
  return { key: `pkg:${p.type}/${ns}${p.name}`, type: p.type };
}

export function unitTitle(u: { readonly action: RemediationAction; readonly target?: string; readonly component: UnitComponent; readonly findings: readonly unknown[] }): string {
  const n = u.findings.length;
  const what = `${n} advisor${n === 1 ? 'y' : 'ies'}`;
  const from = `${u.component.name} ${u.component.versions.join(', ')}`.trim();
  if (u.action === 'upgrade') return `upgrade ${from} → ${u.target ?? '?'} fixes ${what}`;
  if (u.action === 'remove') return `remove ${from}: malicious package (${what})`;
  return `${from}: no fixed version for ${what}`;
}

/** Every remediation unit of one scan, sorted by component key then id. */
export function unitsOfScan(product: string, report: ScanReport, oracle?: FixOracle): RemediationUnit[] {
  const byComponent = new Map<string, { component: { name: string; purl?: string; type?: string }; findings: VexedFinding[] }>();
  for (const f of report.findings) {
    if (f.class !== 'vulnerability' && f.class !== 'malicious') continue;
    const { key, type } = componentKeyOf(f.component);
    const group = byComponent.get(key) ?? { component: { name: f.component.name, ...(type !== undefined ? { type } : {}), ...(key.startsWith('pkg:') ? { purl: key } : {}) }, findings: [] };
    group.findings.push(f);
    byComponent.set(key, group);
  }
  const units: RemediationUnit[] = [];
  for (const [key, { component, findings }] of [...byComponent.entries()].sort(([a], [b]) => cmp(a, b))) {
    const ecosystem = findings.flatMap((f) => f.explanations.map((e) => e.package.ecosystem))[0];
    const scheme = ecosystem !== undefined ? schemeFor(ecosystem) : undefined;
    const versions = [...new Set(findings.map((f) => f.component.version).filter((v) => v !== undefined))].sort((a, b) => compareWith(scheme, a, b));
    const unitComponent: UnitComponent = { key, name: component.name, versions, ...(component.purl !== undefined ? { purl: component.purl } : {}), ...(ecosystem !== undefined ? { ecosystem } : {}), ...(component.type !== undefined ? { type: component.type } : {}) };
    const make = (action: RemediationAction, target: string | undefined, fs: readonly VexedFinding[]): RemediationUnit => {
      const kept = fs.map(toUnitFinding).sort((a, b) => cmp(a.vulnerability, b.vulnerability) || cmp(a.version ?? '', b.version ?? ''));
      const open = kept.filter((f) => f.vex === undefined);
      return {
        id: unitId(product, key, action, target),
        product,
        component: unitComponent,
        action,
        ...(target !== undefined ? { target } : {}),
        findings: kept,
        severity: maxSeverity((open.length > 0 ? open : kept).map((f) => f.severity)),
        notAffected: open.length === 0,
      };
    };
    const malicious = findings.filter((f) => f.class === 'malicious');
    if (malicious.length > 0) units.push(make('remove', undefined, malicious));
    let remaining = findings.filter((f) => f.class !== 'malicious');
    const highest = versions.at(-1);
    while (remaining.length > 0) {
      const candidates = [...new Set(remaining.flatMap((f) => f.fixed))]
        .filter((v) => highest === undefined || compareWith(scheme, v, highest) > 0)
        .sort((a, b) => compareWith(scheme, a, b));
      let best: { target: string; cleared: VexedFinding[] } | undefined;
      for (const candidate of candidates) {
        const cleared = remaining.filter((f) => clears(f, candidate, scheme, oracle));
        if (cleared.length > (best?.cleared.length ?? 0)) best = { target: candidate, cleared };
      }
      if (best === undefined) {
        units.push(make('no-fix', undefined, remaining));
        break;
      }
      units.push(make('upgrade', best.target, best.cleared));
      const done = new Set(best.cleared);
      remaining = remaining.filter((f) => !done.has(f));
    }
  }
  return units;
}

/**
 * Whether `candidate` clears a finding: the oracle (the advisory's ranges evaluated at the candidate) when it can
 * tell, else the finding's fixed versions: the candidate is at or above the smallest fixed version above the
 * component's version.
 */
function clears(f: VexedFinding, candidate: string, scheme: VersionScheme | undefined, oracle: FixOracle | undefined): boolean {
  const told = oracle?.(f, candidate);
  if (told !== undefined) return told;
  const current = f.component.version;
  const above = f.fixed.filter((x) => current === undefined || compareWith(scheme, x, current) > 0).sort((a, b) => compareWith(scheme, a, b));
  const needed = above[0];
  return needed !== undefined && compareWith(scheme, candidate, needed) >= 0;
}

function toUnitFinding(f: VexedFinding): UnitFinding {
  return {
    vulnerability: f.vulnerability,
    aliases: [...f.aliases].sort(),
    class: f.class === 'malicious' ? 'malicious' : 'vulnerability',
    severity: remediationSeverity(f.severity),
    ...(f.score !== undefined ? { score: f.score } : {}),
    ...(f.severitySource !== undefined ? { severitySource: f.severitySource } : {}),
    ...(f.summary !== undefined ? { summary: f.summary } : {}),
    ...(f.component.version !== undefined ? { version: f.component.version } : {}),
    fixed: [...f.fixed],
    advisories: [...new Set(f.explanations.map((e) => e.advisory))].sort(),
    ...(f.vex?.suppressed === true
      ? { vex: { status: f.vex.status, ...(f.vex.justification !== undefined ? { justification: f.vex.justification } : {}), document: f.vex.statement.file, at: f.vex.statement.at } }
      : {}),
  };
}

function compareWith(scheme: VersionScheme | undefined, a: string, b: string): number {
  if (scheme !== undefined) return scheme.compare(a, b);
  return a.localeCompare(b, 'en', { numeric: true });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
