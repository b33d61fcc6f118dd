/**
 * Backlog entries built from REAL advisories (../shared/advisories/pypa): one entry per package, "upgrade <pkg>
 * → <highest fixed version> fixes N advisories", with the records' real ids, aliases and fixed versions. The
 * backlog itself is another module's job; this is the shape its JSON export hands to `backlog sync`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { parseOsvRecord } from '../../src/advisories/osv-parse.js';
import { fixedVersions } from '../../src/advisories/ranges.js';
import { shared } from '../helpers/shared.js';

export interface FixtureEntry {
  id: string;
  title: string;
  severity: string;
  status: string;
  product: string;
  component: { name: string; version: string; purl: string };
  fixedVersion?: string;
  due: string;
  owner?: string;
  advisories: { id: string; aliases: string[]; fixed: string[] }[];
  evidence: string[];
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unrated'];
const OWNERS = ['@alice', '@bob', '@acme/platform-team', undefined];

/** Entries for the first `count` PyPA packages (alphabetically) that have advisories with a fixed version. */
export function realBacklog(count: number, product = 'hotpass'): FixtureEntry[] {
  const root = shared('advisories/pypa/vulns');
  const entries: FixtureEntry[] = [];
  for (const pkg of readdirSync(root).sort()) {
    if (entries.length >= count) break;
    const advisories: FixtureEntry['advisories'] = [];
    for (const file of readdirSync(join(root, pkg)).sort()) {
      const record = parseOsvRecord(parse(readFileSync(join(root, pkg, file), 'utf8')), file);
      const affected = record.affected.find((a) => a.ecosystem === 'PyPI');
      if (affected === undefined) continue;
      advisories.push({ id: record.id, aliases: [...record.aliases].sort(), fixed: fixedVersions(affected) });
    }
    const fixed = advisories.flatMap((a) => a.fixed).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const target = fixed[fixed.length - 1];
    if (advisories.length === 0 || target === undefined) continue;
    const i = entries.length;
    const owner = OWNERS[i % OWNERS.length];
    entries.push({
      id: `CW-${createHash('sha256').update(`${product}/${pkg}`).digest('hex').slice(0, 8)}`,
      title: `upgrade ${pkg} 0.0.1 → ${target} fixes ${advisories.length} advisor${advisories.length === 1 ? 'y' : 'ies'}`,
      severity: SEVERITIES[i % SEVERITIES.length] as string,
      status: 'open',
      product,
      component: { name: pkg, version: '0.0.1', purl: `pkg:pypi/${pkg}@0.0.1` },
      fixedVersion: target,
      due: `2026-0${1 + (i % 9)}-15`,
      ...(owner !== undefined ? { owner } : {}),
      advisories,
      evidence: [`dist/sbom/${product}-sbom.json: pkg:pypi/${pkg}@0.0.1`],
    });
  }
  return entries;
}
