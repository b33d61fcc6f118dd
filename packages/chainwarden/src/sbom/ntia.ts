import type { Bom } from './bom.js';

/** One NTIA minimum element and how much of the SBOM carries it. */
export interface NtiaElement {
  readonly element: 'supplier' | 'name' | 'version' | 'unique id' | 'dependency relationship' | 'author' | 'timestamp';
  /** Components (excluding the root) that carry the element; for document-level elements 1 or 0 of 1. */
  readonly covered: number;
  readonly total: number;
  readonly note?: string;
}

/**
 * Coverage of the NTIA "minimum elements" (2021): what the lockfiles could and could not tell, so users see the gaps
 * instead of assuming them filled (e.g. uv.lock carries no licences, no lockfile records suppliers).
 */
export function ntiaCoverage(bom: Bom, graphFormats: ReadonlySet<string>): NtiaElement[] {
  const all = [...bom.assemblies, ...bom.components];
  const total = all.length;
  const count = (pred: (c: (typeof all)[number]) => boolean): number => all.filter(pred).length;
  const noGraph = bom.lockfiles.filter((l) => !graphFormats.has(l.format)).map((l) => l.path);
  return [
    { element: 'supplier', covered: 0, total, note: 'lockfiles do not record suppliers; add them with supplier metadata or a supplier SBOM' },
    { element: 'name', covered: count((c) => c.component.name !== ''), total },
    {
      element: 'version',
      covered: count((c) => c.component.version !== undefined),
      total,
      ...(count((c) => c.component.version === undefined) > 0 ? { note: 'unpinned requirements have no version (never invented)' } : {}),
    },
    { element: 'unique id', covered: count((c) => c.component.purl !== undefined), total, note: 'package URLs; local and workspace packages have none' },
    {
      element: 'dependency relationship',
      covered: noGraph.length === 0 ? total : count((c) => c.component.dependsOn.size > 0),
      total,
      ...(noGraph.length > 0 ? { note: `no transitive graph in ${noGraph.join(', ')}` } : {}),
    },
    { element: 'author', covered: count((c) => c.component.author !== undefined), total, note: 'lockfiles do not record package authors' },
    {
      element: 'timestamp',
      covered: bom.timestamp !== undefined ? 1 : 0,
      total: 1,
      ...(bom.timestamp === undefined ? { note: 'set SOURCE_DATE_EPOCH to record a reproducible timestamp' } : {}),
    },
  ];
}
