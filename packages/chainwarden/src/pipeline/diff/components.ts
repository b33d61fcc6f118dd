/** Components added, removed and changed in version between two SBOMs, keyed by package (purl without version). */
import type { ScanComponent } from '../../findings/finding.js';

export interface ComponentChange {
  readonly name: string;
  /** The package without a version: `pkg:pypi/numpy`, or the name when there is no purl. */
  readonly package: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

export interface ComponentDiff {
  readonly added: readonly ComponentChange[];
  readonly removed: readonly ComponentChange[];
  readonly changed: readonly ComponentChange[];
  readonly unchanged: number;
}

/** `pkg:pypi/numpy@2.2.6?x=y#p` → `pkg:pypi/numpy`; without a purl, the name. */
export function packageKey(c: ScanComponent): string {
  if (c.purl === undefined) return c.name;
  return c.purl.replace(/[?#].*$/u, '').replace(/@[^/@]*$/u, '');
}

function byPackage(components: readonly ScanComponent[]): Map<string, { name: string; versions: Set<string> }> {
  const map = new Map<string, { name: string; versions: Set<string> }>();
  for (const c of components) {
    const key = packageKey(c);
    const entry = map.get(key) ?? { name: c.name, versions: new Set<string>() };
    entry.versions.add(c.version ?? '(no version)');
    map.set(key, entry);
  }
  return map;
}

const sorted = (s: ReadonlySet<string>): string[] => [...s].sort();

export function diffComponents(base: readonly ScanComponent[], current: readonly ScanComponent[]): ComponentDiff {
  const before = byPackage(base);
  const after = byPackage(current);
  const added: ComponentChange[] = [];
  const removed: ComponentChange[] = [];
  const changed: ComponentChange[] = [];
  let unchanged = 0;
  for (const [key, now] of after) {
    const then = before.get(key);
    if (then === undefined) added.push({ name: now.name, package: key, from: [], to: sorted(now.versions) });
    else if (sorted(then.versions).join('\n') !== sorted(now.versions).join('\n')) changed.push({ name: now.name, package: key, from: sorted(then.versions), to: sorted(now.versions) });
    else unchanged++;
  }
  for (const [key, then] of before) if (!after.has(key)) removed.push({ name: then.name, package: key, from: sorted(then.versions), to: [] });
  const order = (a: ComponentChange, b: ComponentChange): number => a.package.localeCompare(b.package);
  return { added: added.sort(order), removed: removed.sort(order), changed: changed.sort(order), unchanged };
}
