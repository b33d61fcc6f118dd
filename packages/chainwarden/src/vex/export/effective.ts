/**
 * The effective VEX of a product: per (vulnerability alias group, component of the product's latest version) the
 * winning statement of the registry's ledger (the newest: vex/ledger.ts `newer`). What `vex export` writes.
 */
import type { AdvisoryStore } from '../../advisories/store.js';
import { RegistryError } from '../../core/errors.js';
import type { ScanComponent } from '../../findings/finding.js';
import { readRegistrySbom } from '../../findings/registry-sbom.js';
import type { Registry } from '../../registry/database.js';
import { loadLedger } from '../../registry/vex/ledger-store.js';
import { newer, statementApplies } from '../ledger.js';
import type { VexStatement } from '../statement.js';

export interface EffectiveStatement {
  readonly statement: VexStatement;
  /** The vulnerability's alias group (the statement's own id and aliases, and the advisories' when imported). */
  readonly vulnerability: string;
  readonly aliases: readonly string[];
  readonly component: ScanComponent & { readonly purl: string };
}

export interface EffectiveVex {
  readonly product: { readonly name: string; readonly version: string; readonly purl?: string };
  /** Sorted by vulnerability, then component purl. */
  readonly statements: readonly EffectiveStatement[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function effectiveVex(registry: Registry, product: string, store?: AdvisoryStore): Promise<EffectiveVex> {
  const target = await readRegistrySbom(registry, product);
  const ledger = await loadLedger(registry, product);
  const groups = new Map<string, { id: string; aliases: string[] }>();
  const groupOf = async (s: VexStatement): Promise<{ id: string; aliases: string[] }> => {
    const known = groups.get(s.vulnerability);
    if (known !== undefined) return known;
    const ids = new Set([s.vulnerability, ...s.aliases]);
    let id = s.vulnerability;
    if (store !== undefined) {
      const g = await store.groupOf(s.vulnerability);
      if (g.members.length > 1) {
        id = g.id;
        for (const a of g.members) ids.add(a);
      }
    }
    const group = { id, aliases: [...ids].filter((x) => x !== s.vulnerability).sort() };
    groups.set(s.vulnerability, group);
    return group;
  };
  const winners = new Map<string, EffectiveStatement>();
  const components = target.sbom.components.filter((c): c is ScanComponent & { purl: string } => c.purl !== undefined);
  for (const s of ledger.all()) {
    for (const c of components) {
      const applies = statementApplies(s, { component: { purl: c.purl, ...(c.bomRef !== undefined ? { bomRef: c.bomRef } : {}), ...(c.version !== undefined ? { version: c.version } : {}) }, product: target.sbom.product });
      if (!applies.ok) continue;
      const g = await groupOf(s);
      const key = `${g.id.toUpperCase()}|${c.purl}`;
      const best = winners.get(key);
      if (best === undefined || newer(s, best.statement)) winners.set(key, { statement: s, vulnerability: s.vulnerability, aliases: g.aliases, component: c });
    }
  }
  if (winners.size === 0) throw new RegistryError('REGISTRY_NOT_FOUND', `no VEX statement of the ledger applies to ${product}@${target.version}: nothing to export (chainwarden vex list shows the ledger)`);
  return {
    product: { name: product, version: target.version, ...(target.sbom.product.purl !== undefined ? { purl: target.sbom.product.purl } : {}) },
    statements: [...winners.values()].sort((a, b) => cmp(a.vulnerability, b.vulnerability) || cmp(a.component.purl, b.component.purl)),
  };
}

/** The statement's time as ISO 8601 (statement, else document timestamp), if it has one. */
export function statementTime(s: VexStatement): string | undefined {
  const raw = s.timestamp ?? s.document.timestamp;
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.000Z$/u, 'Z');
}

/** Where a statement came from, for notes in the exported document. */
export function provenanceNote(s: VexStatement): string {
  const d = s.document;
  return `from ${d.file} ${s.at} (${d.formatVersion}, ${d.id}${d.version !== undefined ? ` version ${d.version}` : ''}${d.issuer !== undefined ? `, by ${d.issuer}` : ''}; status ${s.sourceStatus})`;
}

/** The newest statement time of an export (the document's timestamp: the same ledger gives the same bytes). */
export function exportTime(effective: EffectiveVex, fallback: Date | undefined): string {
  const times = effective.statements.flatMap((e) => statementTime(e.statement) ?? []).sort();
  return times.at(-1) ?? (fallback ?? new Date(0)).toISOString().replace(/\.000Z$/u, 'Z');
}
