import { packageKeyOfOsv, packageKeyOfPurl } from '../advisories/ecosystems.js';
import { affectedBy, fixedVersions } from '../advisories/ranges.js';
import type { AdvisoryStore, StoredAdvisory } from '../advisories/store.js';
import { schemeFor } from '../advisories/versions/index.js';
import { parsePurl } from '../core/purl-parse.js';
import type { Explanation, Finding, FindingClass, ScanComponent, SkippedComponent } from './finding.js';
import type { SeverityInfo } from './severity.js';
import { severityOf, severityRank } from './severity.js';

export interface MatchResult {
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedComponent[];
  readonly components: number;
}

/**
 * Component × advisory matching. Each component is looked up by its purl (→ OSV ecosystem and normalised
 * name); each advisory entry for that package is judged with the ecosystem's version scheme; matches are
 * grouped per (component, alias group) into one finding carrying every explanation. Withdrawn records never
 * match. Output is sorted (component purl, then vulnerability id).
 */
export async function matchComponents(components: readonly ScanComponent[], store: AdvisoryStore): Promise<MatchResult> {
  const findings: Finding[] = [];
  const skipped: SkippedComponent[] = [];
  if (store.prefetch !== undefined) {
    await store.prefetch(
      components.flatMap((c) => {
        const p = c.purl !== undefined ? parsePurl(c.purl) : undefined;
        const key = p !== undefined ? packageKeyOfPurl(p) : undefined;
        return key !== undefined ? [key] : [];
      }),
    );
  }
  for (const component of components) {
    if (component.purl === undefined || component.purl === '') {
      skipped.push({ component, reason: 'no purl' });
      continue;
    }
    const purl = parsePurl(component.purl);
    if (purl === undefined) {
      skipped.push({ component, reason: `not a valid purl: ${component.purl}` });
      continue;
    }
    const key = packageKeyOfPurl(purl);
    if (key === undefined) {
      skipped.push({ component, reason: `purl type "${purl.type}" has no OSV ecosystem` });
      continue;
    }
    const version = purl.version ?? (component.version === '' ? undefined : component.version);
    const advisories = await store.forPackage(key.ecosystem, key.name);
    findings.push(...(await judge({ ...component, version }, component.purl, key, version, advisories, store)));
  }
  findings.sort((a, b) => cmp(a.component.purl ?? '', b.component.purl ?? '') || cmp(a.vulnerability, b.vulnerability) || cmp(a.component.bomRef ?? '', b.component.bomRef ?? ''));
  return { findings, skipped, components: components.length };
}

interface Pending {
  readonly aliases: readonly string[];
  explanations: Explanation[];
  cls: FindingClass;
  severity: SeverityInfo;
  summary?: string;
}

async function judge(
  component: ScanComponent,
  identifier: string,
  key: { ecosystem: string; name: string },
  version: string | undefined,
  advisories: readonly StoredAdvisory[],
  store: AdvisoryStore,
): Promise<Finding[]> {
  const scheme = schemeFor(key.ecosystem);
  const groups = new Map<string, Pending>();
  for (const { record, source } of advisories) {
    if (record.withdrawn !== undefined) continue;
    for (const affected of record.affected) {
      const pkg = packageKeyOfOsv(affected.ecosystem, affected.name);
      if (pkg.ecosystem !== key.ecosystem || pkg.name !== key.name) continue;
      let matched: Explanation['matched'] | undefined;
      let cls: FindingClass = record.kind === 'malicious' ? 'malicious' : affected.informational !== undefined ? 'informational' : 'vulnerability';
      if (version === undefined) {
        matched = { by: 'no-version' };
        cls = 'unknown-version';
      } else {
        const result = affectedBy(version, affected, scheme);
        if (result.match !== undefined) matched = result.match;
        else if (result.rangesUnevaluated > 0) {
          matched = { by: 'no-scheme', ecosystem: key.ecosystem };
          cls = 'unknown-version';
        }
      }
      if (matched === undefined) continue;
      const group = await store.groupOf(record.id);
      const explanation: Explanation = { advisory: record.id, source, identifier, package: { ecosystem: affected.ecosystem, name: affected.name }, matched, fixed: fixedVersions(affected) };
      const severity = severityOf(record);
      const pending = groups.get(group.id);
      if (pending === undefined) {
        groups.set(group.id, { aliases: group.members, explanations: [explanation], cls, severity, summary: record.summary });
      } else {
        pending.explanations.push(explanation);
        if (severityRank(severity.severity) > severityRank(pending.severity.severity)) pending.severity = severity;
        if (cls === 'malicious' || (cls === 'vulnerability' && pending.cls !== 'malicious')) pending.cls = cls;
        pending.summary ??= record.summary;
      }
    }
  }
  return [...groups.entries()].map(([id, p]) => ({
    class: p.cls,
    vulnerability: id,
    aliases: p.aliases,
    component,
    severity: p.severity.severity,
    ...(p.severity.source !== undefined ? { severitySource: p.severity.source } : {}),
    ...(p.severity.score !== undefined ? { score: p.severity.score } : {}),
    ...(p.summary !== undefined ? { summary: p.summary } : {}),
    fixed: [...new Set(p.explanations.flatMap((e) => e.fixed))],
    explanations: p.explanations.sort((a, b) => cmp(a.advisory, b.advisory)),
  }));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
