import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseOsvText } from '../../src/advisories/osv-parse.js';
import type { OsvRecord } from '../../src/advisories/osv-record.js';
import { cvssScore, cvssVersionOf } from '../../src/findings/cvss.js';
import { severityOf } from '../../src/findings/severity.js';
import { shared } from '../helpers/shared.js';

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(dir, e.name), out);
    else if (/\.(json|ya?ml)$/.test(e.name)) out.push(join(dir, e.name));
  }
  return out;
}

const INVALID_WG_VECTORS = ['504.json CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:U/A:U'];

describe('CVSS scores (ae-cvss-calculator, one place for every version)', () => {
  it('scores reference vectors of every version (FIRST / NVD published base scores)', () => {
    const cases: [string, string, number, string][] = [
      ['AV:N/AC:L/Au:N/C:P/I:N/A:N', '2.0', 5.0, 'medium'], // CVE-2014-0160 (NVD v2)
      ['AV:N/AC:M/Au:N/C:C/I:C/A:C', '2.0', 9.3, 'high'], // CVE-2021-44228 (NVD v2): v2 has no "critical"
      ['(AV:N/AC:L/Au:N/C:P/I:P/A:P)', '2.0', 7.5, 'high'],
      ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', '3.0', 7.5, 'high'],
      ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', '3.1', 10.0, 'critical'], // CVE-2021-44228 (NVD v3.1)
      ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', '3.1', 9.9, 'critical'],
      ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 9.3, 'critical'],
      ['CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 8.5, 'high'],
      ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', '4.0', 0, 'none'],
    ];
    for (const [vector, version, score, rating] of cases) {
      assert.deepEqual(cvssScore(vector), { version, vector, score, rating }, vector);
    }
  });

  it('never guesses: partial, unknown-metric and non-CVSS vectors have no score', () => {
    for (const v of ['CVSS:3.1/AV:N', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:Z', 'CVSS:4.0/AV:N/AC:L', 'AV:N/AC:L', 'CVSS:5.0/AV:N', 'HIGH', '']) {
      assert.equal(cvssScore(v), undefined, v);
    }
    assert.equal(cvssVersionOf('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'), '3.0');
  });

  it("agrees with the Node.js security WG's recorded v3.0 scores, except where their number is not the vector's", () => {
    const dir = shared('advisories', 'nodejs-security-wg', 'vuln', 'npm');
    let agree = 0;
    const differ: string[] = [];
    const invalid: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      let doc: { cvss_vector?: string; cvss_score?: number };
      try {
        doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as typeof doc;
      } catch {
        continue;
      }
      if (typeof doc.cvss_vector !== 'string' || doc.cvss_vector === '') continue;
      const s = cvssScore(doc.cvss_vector);
      if (s === undefined) invalid.push(`${f} ${doc.cvss_vector}`);
      else if (s.score === doc.cvss_score) agree++;
      else differ.push(f);
    }
    assert.equal(agree + differ.length + invalid.length, 458);
    assert.equal(agree, 435);
    assert.equal(differ.length, 22);
    // Vectors with values the specification does not define (I:U) are not scored, not guessed.
    assert.deepEqual(invalid, INVALID_WG_VECTORS);
    // 363.json labels C:H-only network/no-privilege/unchanged 9.3; FIRST's equations give 7.5. Labels are copied, scores computed.
    assert.ok(differ.includes('363.json'));
    assert.equal(cvssScore('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N')?.score, 7.5);
  });

  it('every CVSS vector in the PyPA and RustSec OSV sets scores; counts per version', async () => {
    const counts: Record<string, number> = {};
    const bySeverity: Record<string, number> = {};
    let records = 0;
    for (const file of [...walk(shared('advisories', 'pypa', 'vulns')), ...walk(shared('advisories', 'rustsec', 'crates'))]) {
      const record: OsvRecord = await parseOsvText(readFileSync(file, 'utf8'), file);
      records++;
      for (const s of [...record.severity, ...record.affected.flatMap((a) => a.severity)]) {
        const score = cvssScore(s.score);
        assert.ok(score !== undefined, `${file}: ${s.type} ${s.score}`);
        counts[`${s.type} ${score.version}`] = (counts[`${s.type} ${score.version}`] ?? 0) + 1;
      }
      const sev = severityOf(record);
      bySeverity[sev.severity] = (bySeverity[sev.severity] ?? 0) + 1;
      if (sev.score !== undefined) assert.match(sev.source ?? '', /^CVSS_V[234] CVSS:/);
    }
    assert.equal(records, 2661 + 1206);
    assert.deepEqual(counts, { 'CVSS_V3 3.1': 519, 'CVSS_V3 3.0': 43, 'CVSS_V4 4.0': 57 });
    // No CVSS v2 vector and no severity label exists in these sets: those paths are covered by the vectors above.
    assert.equal(Object.values(bySeverity).reduce((a, b) => a + b, 0), records);
    assert.ok((bySeverity['unknown'] ?? 0) > 3000, 'records without a vector or label stay unrated (never invented)');
  });
});

describe('severityOf: CVSS computed (newest version wins), else the label, else unknown', () => {
  const base = { id: 'X-1', kind: 'vulnerability' as const, modified: '2024-01-01T00:00:00Z', aliases: [], related: [], references: [], affected: [] };
  it('prefers v4 over v3 over v2, computing each', () => {
    const r: OsvRecord = {
      ...base,
      severity: [
        { type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' },
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' },
        { type: 'CVSS_V4', score: 'CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
      ],
    };
    assert.deepEqual(severityOf(r), { severity: 'high', source: 'CVSS_V4 CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', score: 8.5, cvssVersion: '4.0' });
    assert.deepEqual(severityOf({ ...r, severity: [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }] }), { severity: 'high', source: 'CVSS_V2 AV:N/AC:L/Au:N/C:P/I:P/A:P', score: 7.5, cvssVersion: '2.0' });
  });
  it('falls back to the database label (record, then affected database_specific / ecosystem_specific), else unknown', async () => {
    const parsed = await parseOsvText(
      JSON.stringify({ ...base, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }], affected: [{ package: { ecosystem: 'npm', name: 'x' }, ecosystem_specific: { severity: 'moderate' } }] }),
      'x.json',
    );
    assert.deepEqual(severityOf(parsed), { severity: 'medium', source: 'affected[0].ecosystem_specific.severity MODERATE' });
    assert.deepEqual(severityOf({ ...base, severity: [], databaseSeverity: 'CRITICAL' }), { severity: 'critical', source: 'database_specific.severity CRITICAL' });
    assert.deepEqual(severityOf({ ...base, severity: [], databaseSeverity: 'urgent-ish' }), { severity: 'unknown' });
    assert.deepEqual(severityOf({ ...base, kind: 'malicious', severity: [] }), { severity: 'critical', source: 'malicious package' });
  });
});
