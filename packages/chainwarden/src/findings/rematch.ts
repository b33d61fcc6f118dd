/**
 * Continuous monitoring: after an advisory import, the latest version of every registry product is scanned again
 * (its VEX ledger applied), the scan recorded, and compared with the product's previous recorded scan: which open
 * findings (vulnerabilities and malicious packages not suppressed by VEX) it gained and which it lost.
 */
import type { AdvisoryStore } from '../advisories/store.js';
import type { Registry } from '../registry/database.js';
import { scanInRegistry } from './registry-scan.js';
import type { VexedFinding } from './apply-vex.js';
import { latestScans } from './scan-history.js';
import { gating } from './scan.js';

export interface FindingRef {
  readonly vulnerability: string;
  /** The component's purl, else name@version. */
  readonly component: string;
}

export interface ProductChange {
  readonly product: string;
  readonly version: string;
  readonly scan: number;
  /** The scan compared against; absent on a product's first scan (then every open finding counts as gained). */
  readonly previous?: { readonly scan: number; readonly scannedAt: string };
  readonly open: number;
  readonly gained: readonly FindingRef[];
  readonly lost: readonly FindingRef[];
}

const componentOf = (f: VexedFinding): string => f.component.purl ?? `${f.component.name}${f.component.version !== undefined ? `@${f.component.version}` : ''}`;
const isOpen = (f: VexedFinding): boolean => gating(f) && f.vex?.suppressed !== true;

/** Open findings of `after` with no open finding of `before` on the same component sharing an alias. */
function added(before: readonly VexedFinding[], after: readonly VexedFinding[]): FindingRef[] {
  const index = new Map<string, Set<string>>();
  for (const f of before.filter(isOpen)) {
    const key = componentOf(f);
    let ids = index.get(key);
    if (ids === undefined) index.set(key, (ids = new Set()));
    for (const a of [f.vulnerability, ...f.aliases]) ids.add(a.toUpperCase());
  }
  return after
    .filter(isOpen)
    .filter((f) => {
      const ids = index.get(componentOf(f));
      return ids === undefined || ![f.vulnerability, ...f.aliases].some((a) => ids.has(a.toUpperCase()));
    })
    .map((f) => ({ vulnerability: f.vulnerability, component: componentOf(f) }))
    .sort((a, b) => (a.component < b.component ? -1 : a.component > b.component ? 1 : a.vulnerability < b.vulnerability ? -1 : a.vulnerability > b.vulnerability ? 1 : 0));
}

export async function rematchProducts(registry: Registry, store: AdvisoryStore, record: { readonly actor: string; readonly now: Date }): Promise<ProductChange[]> {
  const previous = new Map((await latestScans(registry)).map((s) => [s.product, s]));
  const products = await registry.db.selectFrom('products').innerJoin('versions', 'versions.product_id', 'products.id').select('products.name').distinct().orderBy('products.name').execute();
  const out: ProductChange[] = [];
  for (const { name } of products) {
    const result = await scanInRegistry({ registry, store, target: { kind: 'product', product: name }, record });
    const before = previous.get(name);
    const findings = result.report.findings;
    const old = before?.report.findings ?? [];
    out.push({
      product: name,
      version: result.productVersion ?? '',
      scan: result.scanId ?? 0,
      ...(before !== undefined ? { previous: { scan: before.id, scannedAt: before.scannedAt } } : {}),
      open: findings.filter(isOpen).length,
      gained: added(old, findings),
      lost: added(findings, old),
    });
  }
  return out;
}
