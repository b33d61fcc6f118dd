/**
 * Graded validation of a parsed supplier SBOM: each component is checked (schema issues inside it, name, purl syntax,
 * duplicate bom-ref, missing version); bad ones are quarantined with their reasons and the rest is kept. Dependency
 * edges to unknown refs are dropped and counted. Produces the quality report.
 */
import type { ParsedComponent, ParsedSbom } from '../sbom/model.js';
import { checkPurl } from './purl-check.js';
import type { NtiaCoverage, QualityReport, QuarantineReason } from './quality.js';

export interface KeptComponent extends ParsedComponent {
  readonly purlBase?: string;
}

export interface QuarantinedComponent {
  readonly component: ParsedComponent;
  readonly reasons: readonly { readonly reason: QuarantineReason; readonly detail: string }[];
}

export interface ValidatedSbom {
  readonly kept: readonly KeptComponent[];
  readonly quarantined: readonly QuarantinedComponent[];
  readonly edges: readonly { readonly ref: string; readonly dependsOn: string }[];
  readonly quality: QualityReport;
}

const MAX_DOCUMENT_ISSUES = 50;

function issuesByComponent(sbom: ParsedSbom): { perComponent: Map<number, string[]>; document: string[]; formatWarnings: Map<number, string> } {
  const perComponent = new Map<number, string[]>();
  const formatWarnings = new Map<number, string>();
  const document: string[] = [];
  // Longest pointer first, so an issue in a nested component goes to it and not to its parent.
  const order = sbom.pointers.map((p, i) => ({ p, i })).sort((a, b) => b.p.length - a.p.length);
  for (const issue of sbom.schemaIssues) {
    const owner = order.find(({ p }) => issue.pointer === p || issue.pointer.startsWith(`${p}/`));
    if (owner === undefined) document.push(issue.message);
    else if (issue.keyword === 'format') formatWarnings.set(owner.i, formatWarnings.get(owner.i) ?? issue.message);
    else perComponent.set(owner.i, [...(perComponent.get(owner.i) ?? []), issue.message]);
  }
  return { perComponent, document, formatWarnings };
}

export function validateSbom(sbom: ParsedSbom): ValidatedSbom {
  const { perComponent, document, formatWarnings } = issuesByComponent(sbom);
  let warned = 0;
  let firstWarning: string | undefined;
  const seen = new Set<string>();
  const kept: KeptComponent[] = [];
  const quarantined: QuarantinedComponent[] = [];
  const counts: Partial<Record<QuarantineReason, number>> = {};
  sbom.components.forEach((c, i) => {
    const reasons: { reason: QuarantineReason; detail: string }[] = [];
    for (const message of perComponent.get(i) ?? []) reasons.push({ reason: 'schema', detail: message });
    if (c.name.trim() === '') reasons.push({ reason: 'missing-name', detail: `${c.at} has no name` });
    let purlBase: string | undefined;
    if (c.purl !== undefined) {
      const check = checkPurl(c.purl);
      if (check.ok) purlBase = check.base;
      else reasons.push({ reason: 'invalid-purl', detail: check.reason });
    }
    if (seen.has(c.bomRef)) reasons.push({ reason: 'duplicate-bom-ref', detail: `bom-ref "${c.bomRef}" is used by an earlier component` });
    if (c.version === undefined) reasons.push({ reason: 'missing-version', detail: `${c.at} (${c.name}) has no version` });
    seen.add(c.bomRef);
    const warning = formatWarnings.get(i);
    if (reasons.length === 0 && warning !== undefined) {
      warned++;
      firstWarning ??= warning;
    }
    if (reasons.length === 0) kept.push({ ...c, ...(purlBase !== undefined ? { purlBase } : {}) });
    else {
      quarantined.push({ component: c, reasons });
      for (const r of new Set(reasons.map((x) => x.reason))) counts[r] = (counts[r] ?? 0) + 1;
    }
  });
  const known = new Set(sbom.components.map((c) => c.bomRef));
  if (sbom.rootRef !== undefined) known.add(sbom.rootRef);
  const edges: { ref: string; dependsOn: string }[] = [];
  let dangling = 0;
  for (const d of sbom.dependencies) {
    for (const on of d.dependsOn) {
      if (known.has(d.ref) && known.has(on)) edges.push({ ref: d.ref, dependsOn: on });
      else dangling++;
    }
  }
  const total = sbom.components.length;
  const count = (pred: (c: ParsedComponent) => boolean): number => sbom.components.filter(pred).length;
  const withDeps = new Set(edges.flatMap((e) => [e.ref, e.dependsOn]));
  const ntia: NtiaCoverage[] = [
    { element: 'supplier', covered: count((c) => c.supplier !== undefined), total },
    { element: 'name', covered: count((c) => c.name !== ''), total },
    { element: 'version', covered: count((c) => c.version !== undefined), total },
    { element: 'unique id', covered: count((c) => c.purl !== undefined), total },
    { element: 'dependency relationship', covered: count((c) => withDeps.has(c.bomRef)), total },
    { element: 'author', covered: sbom.hasAuthor ? 1 : 0, total: 1 },
    { element: 'timestamp', covered: sbom.timestamp !== undefined ? 1 : 0, total: 1 },
  ];
  return {
    kept,
    quarantined,
    edges,
    quality: {
      format: sbom.format,
      specVersion: sbom.specVersion,
      components: { total, kept: kept.length, quarantined: quarantined.length },
      reasons: counts,
      dependencies: { edges: edges.length, dangling },
      warnings: { format: warned, ...(firstWarning !== undefined ? { first: firstWarning } : {}) },
      documentIssues: document.slice(0, MAX_DOCUMENT_ISSUES),
      ntia,
    },
  };
}

