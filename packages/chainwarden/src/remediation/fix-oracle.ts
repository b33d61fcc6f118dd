import { packageKeyOfOsv } from '../advisories/ecosystems.js';
import type { OsvRecord } from '../advisories/osv-record.js';
import { affectedBy } from '../advisories/ranges.js';
import type { AdvisoryStore } from '../advisories/store.js';
import { schemeFor } from '../advisories/versions/index.js';
import type { ScanReport } from '../findings/scan.js';
import type { FixOracle } from './units.js';

/**
 * A fix oracle over the advisory records themselves: a candidate version clears a finding when none of the
 * finding's advisory records still affects the package at that version (its ranges and `versions[]` evaluated
 * with the ecosystem's scheme). Records are loaded once for all the reports; a record the store does not hold
 * makes the oracle answer "cannot tell" (the finding's fixed versions decide).
 */
export async function advisoryFixOracle(store: AdvisoryStore, reports: readonly ScanReport[]): Promise<FixOracle> {
  const records = new Map<string, OsvRecord>();
  const ids = new Set(reports.flatMap((r) => r.findings.flatMap((f) => f.explanations.map((e) => e.advisory))));
  for (const id of [...ids].sort()) {
    const stored = await store.get(id);
    if (stored !== undefined) records.set(id, stored.record);
  }
  return (finding, candidate) => {
    for (const e of finding.explanations) {
      const record = records.get(e.advisory);
      if (record === undefined) return undefined;
      const scheme = schemeFor(e.package.ecosystem);
      if (scheme === undefined) return undefined;
      const key = packageKeyOfOsv(e.package.ecosystem, e.package.name);
      for (const affected of record.affected) {
        const k = packageKeyOfOsv(affected.ecosystem, affected.name);
        if (k.ecosystem !== key.ecosystem || k.name !== key.name) continue;
        if (affectedBy(candidate, affected, scheme).match !== undefined) return false;
      }
    }
    return true;
  };
}
