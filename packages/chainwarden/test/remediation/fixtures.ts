/** Real components and real advisories (PyPA) for the remediation tests: an SBOM file per product state. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAdvisories } from '../../src/advisories/import.js';
import { MemoryAdvisoryStore } from '../../src/advisories/memory-store.js';
import { shared } from '../helpers/shared.js';

export const PACKAGES = ['aiohttp', 'urllib3', 'werkzeug', 'flask', 'requests', 'pyspark', 'jinja2'] as const;

/** The PyPA advisories of the packages above, as imported by `advisories import`. */
export async function pypaStore(): Promise<MemoryAdvisoryStore> {
  const store = new MemoryAdvisoryStore();
  const report = await importAdvisories(PACKAGES.map((p) => shared('advisories', 'pypa', 'vulns', p)), store, { baseDir: shared() });
  if (report.rejected.length > 0) throw new Error(JSON.stringify(report.rejected));
  return store;
}

/** A CycloneDX SBOM of product `name` with these `name@version` PyPI components. */
export function writeSbom(dir: string, file: string, name: string, version: string, components: readonly string[]): string {
  const path = join(dir, file);
  writeFileSync(
    path,
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: { component: { type: 'application', name, version, 'bom-ref': 'root' } },
      components: components.map((c) => {
        const [n, v] = c.split('@') as [string, string];
        return { type: 'library', name: n, version: v, purl: `pkg:pypi/${n}@${v}`, 'bom-ref': c };
      }),
    }),
  );
  return path;
}

/** Versions with known PyPA findings (the cdxgen poetry1-legacy corpus lockfile pins most of them). */
export const VULNERABLE = ['aiohttp@3.8.3', 'urllib3@1.26.13', 'werkzeug@2.2.2', 'flask@2.2.2', 'requests@2.28.1', 'pyspark@3.1.1'];
