import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import type * as XmlLint from 'xmllint-wasm';
import { renderJson } from '../../src/policy/report/json.js';
import { renderJunit } from '../../src/policy/report/junit.js';
import { renderSarif } from '../../src/policy/report/sarif.js';
import { runPolicyGate } from '../../src/policy/run.js';
import type { GateReport } from '../../src/policy/result.js';
import { REPO_ROOT, corpus, tempDir } from '../helpers/shared.js';
import { corpusSbom, starterPolicy, writeFiles } from './helpers.js';

const require = createRequire(import.meta.url);
const SCHEMAS = join(REPO_ROOT, 'packages/chainwarden/test/schemas');
const NOW = new Date('2026-06-01T00:00:00Z');

/** A report with failures, warnings, an excepted and an expired-exception violation, from the real Hotpass uv.lock SBOM. */
async function sampleReport(): Promise<GateReport> {
  const { dir, cleanup } = tempDir();
  try {
    await starterPolicy(dir);
    const sbom = await corpusSbom(corpus('python-uv', 'hotpass'), dir, 'sbom.json');
    writeFiles(dir, {
      'findings.json': JSON.stringify([
        { id: 'GHSA-1', severity: 'high', component: { purl: 'pkg:pypi/jinja2@3.1.2' } },
        { id: 'GHSA-2', severity: 'critical', component: { purl: 'pkg:pypi/requests@2.0.0' } },
        { id: 'MAL-2025-1', severity: 'unknown', component: { purl: 'pkg:pypi/evil@1.0 & <x>' } },
      ]),
      'policy/exceptions.yaml': 'exceptions:\n  - {rule: vulnerability_open, target: "GHSA-1 *", reason: "not reachable", owner: "sec", expires: 2030-01-01}\n  - {rule: vulnerability_open, target: "GHSA-2 *", reason: "old", owner: "sec", expires: 2020-01-01}\n',
    });
    return await runPolicyGate({ baseDir: dir, files: { sbom, findings: 'findings.json' }, now: NOW });
  } finally {
    cleanup();
  }
}

test('SARIF 2.1.0: valid against the official schema; levels, suppressions and rule metadata', async () => {
  const report = await sampleReport();
  const text = renderSarif(report);
  const schemaFile = join(SCHEMAS, 'sarif-2.1.0.schema.json');
  assert.ok(existsSync(schemaFile), 'the SARIF schema is in test/schemas');
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  const log = JSON.parse(text) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; help?: { text: string } }[] } }; results: { ruleId: string; level: string; suppressions?: unknown[]; message: { text: string } }[] }[] };
  assert.equal(validate(log), true, JSON.stringify(validate.errors));
  // The validator really rejects: a result without a message is invalid SARIF.
  const broken = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
  delete broken.runs[0]?.results[0]?.['message'];
  assert.equal(validate(broken), false);
  const run = log.runs[0];
  assert.ok(run);
  const rule = run.tool.driver.rules.find((r) => r.id === 'main.deny_vulnerability_open');
  assert.equal(rule?.shortDescription.text, 'No open critical or high vulnerability');
  assert.match(rule?.help?.text ?? '', /VEX statement/);
  const vuln = run.results.filter((r) => r.ruleId === 'main.deny_vulnerability_open');
  assert.deepEqual(vuln.map((r) => [r.level, r.suppressions !== undefined]).sort(), [['error', false], ['note', true]]);
  assert.ok(vuln.some((r) => /exception expired on 2020-01-01/.test(r.message.text)));
  assert.ok(run.results.some((r) => r.ruleId === 'main.warn_unknown_license' && r.level === 'warning'));
  assert.equal(renderSarif(report), text, 'deterministic');
});

test('JUnit XML: well-formed and shaped as CI consumers expect (testsuites/testsuite/testcase/failure)', async () => {
  const report = await sampleReport();
  const xml = renderJunit(report);
  const { validateXML } = require('xmllint-wasm') as typeof XmlLint;
  const xsd = readFileSync(join(SCHEMAS, 'junit.xsd'), 'utf8');
  const result = await validateXML({ xml: [{ fileName: 'policy.junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
  assert.equal(result.valid, true, JSON.stringify(result.errors));
  const bad = await validateXML({ xml: [{ fileName: 'bad.xml', contents: xml.replace('<testsuite ', '<suite ') }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
  assert.equal(bad.valid, false);
  assert.match(xml, new RegExp(`<testsuites name="chainwarden policy" tests="${report.rules.length}" failures="\\d+" errors="0">`));
  assert.match(xml, /<testcase classname="main" name="main.deny_malicious_package: No malicious package" file="policy\/vulnerabilities.rego" line="\d+">\n\s+<failure message="pkg:pypi\/evil@1.0 &amp; &lt;x&gt; is a known malicious package/);
  const failures = (xml.match(/<failure /g) ?? []).length;
  assert.equal(failures, new Set(report.inputs[0]?.violations.filter((v) => v.status === 'failure').map((v) => v.rule)).size);
});

test('JSON report: deterministic, counts agree with the violations', async () => {
  const a = await sampleReport();
  const b = await sampleReport();
  assert.equal(renderJson(a), renderJson(b));
  const vs = a.inputs.flatMap((i) => i.violations);
  assert.equal(a.counts.failures, vs.filter((v) => v.status === 'failure').length);
  assert.equal(a.counts.excepted, 1);
  assert.equal(a.counts.expiredExceptions, 1);
  assert.equal(a.open, false);
});
