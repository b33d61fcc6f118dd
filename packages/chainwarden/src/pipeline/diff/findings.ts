/** Findings new and fixed between the base release and this run: open vulnerabilities and malicious packages only. */

export interface DiffFinding {
  readonly vulnerability: string;
  readonly component: string;
  readonly severity: string;
  readonly class: string;
}

export interface FindingsDiff {
  readonly new: readonly DiffFinding[];
  readonly fixed: readonly DiffFinding[];
  readonly unchanged: number;
}

const key = (f: DiffFinding): string => `${f.vulnerability}\u0000${f.component}`;

export function diffFindings(base: readonly DiffFinding[], current: readonly DiffFinding[]): FindingsDiff {
  const before = new Map(base.map((f) => [key(f), f]));
  const after = new Map(current.map((f) => [key(f), f]));
  const order = (a: DiffFinding, b: DiffFinding): number => a.vulnerability.localeCompare(b.vulnerability) || a.component.localeCompare(b.component);
  const fresh = [...after.entries()].filter(([k]) => !before.has(k)).map(([, f]) => f);
  const fixed = [...before.entries()].filter(([k]) => !after.has(k)).map(([, f]) => f);
  return { new: fresh.sort(order), fixed: fixed.sort(order), unchanged: after.size - fresh.length };
}

/** The open, gating findings of a scan (the scan stage's summary shape or a ScanReport's findings). */
export function openFindings(
  findings: readonly { vulnerability: string; class: string; severity: string; component: string | { purl?: string; name: string }; vex?: { suppressed?: boolean } }[],
): DiffFinding[] {
  return findings
    .filter((f) => (f.class === 'vulnerability' || f.class === 'malicious') && f.vex?.suppressed !== true)
    .map((f) => ({ vulnerability: f.vulnerability, class: f.class, severity: f.severity, component: typeof f.component === 'string' ? f.component : (f.component.purl ?? f.component.name) }));
}
