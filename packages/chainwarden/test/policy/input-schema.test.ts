import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass } from 'ajv';
import { buildPolicyInput } from '../../src/policy/input/document.js';
import { readPolicyInputParts } from '../../src/policy/input/read.js';
import { REPO_ROOT, corpus, shared, tempDir } from '../helpers/shared.js';
import { corpusSbom, writeFiles } from './helpers.js';

const require = createRequire(import.meta.url);

function validator(): ReturnType<AjvClass['compile']> {
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/chainwarden/schemas/policy-input.schema.json'), 'utf8')) as object;
  return new Ajv({ strict: true, allErrors: true }).compile(schema);
}

test('the documented input schema holds for real inputs: corpus SBOMs (CycloneDX and SPDX), real provenance, findings', async () => {
  const validate = validator();
  const { dir, cleanup } = tempDir();
  try {
    const empty = buildPolicyInput({});
    assert.equal(validate(empty), true, JSON.stringify(validate.errors));
    assert.equal(empty.findings.scanned, false);
    assert.equal(empty.sbom.present, false);
    writeFiles(dir, {
      'prov.json': readFileSync(shared('conformance', 'sigstore', 'npm', 'provenance-npm-test-cli-v1-prega.tgz.json'), 'utf8'),
      'findings.json': JSON.stringify({ findings: [{ id: 'CVE-1', severity: 'High', component: { purl: 'pkg:npm/a@1' }, vex: { state: 'fixed' }, fixed_versions: ['1.0.1'] }] }),
      'verify.json': JSON.stringify({ verified: false, mode: 'key', checks: [], failure: { name: 'signature', detail: 'does not verify' } }),
    });
    for (const [project, format] of [
      [corpus('python-uv', 'pydantic-ai-workspace'), 'cyclonedx-json'],
      [corpus('yarn', 'prettier-berry'), 'spdx-json'],
      [corpus('python-poetry', 'poetry'), 'cyclonedx-json'],
    ] as const) {
      const sbom = await corpusSbom(project, dir, `sbom-${format}.json`, format);
      const parts = await readPolicyInputParts(dir, { sbom, provenance: 'prov.json', findings: 'findings.json', signatures: 'verify.json' });
      const input = buildPolicyInput(parts);
      assert.equal(validate(JSON.parse(JSON.stringify(input))), true, `${project}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      assert.ok(input.sbom.components.length > 10);
      assert.equal(input.provenance.builder_id, 'https://github.com/actions/runner/github-hosted');
      assert.equal(input.provenance.subjects[0]?.name, 'pkg:npm/sigstore@2.3.1');
      assert.equal(input.findings.items[0]?.severity, 'high');
      assert.equal(input.signatures.results[0]?.failure, 'signature: does not verify');
    }
    // The validator rejects: a component without a source.
    const bad = JSON.parse(JSON.stringify(buildPolicyInput(await readPolicyInputParts(dir, { sbom: 'sbom-cyclonedx-json.json' })))) as { sbom: { components: Record<string, unknown>[] } };
    delete bad.sbom.components[0]?.['source'];
    assert.equal(validate(bad), false);
    // `chainwarden scan --format json` findings read as the same thing.
    writeFiles(dir, {
      'scan.json': JSON.stringify({ findings: [{ class: 'malicious', vulnerability: 'GHSA-m4lw-xxxx', aliases: ['MAL-2024-1'], component: { name: 'evil', version: '1.0.0', purl: 'pkg:npm/evil@1.0.0' }, severity: 'critical', fixed: [], explanations: [], vex: { status: 'not_affected', suppressed: true, sourceStatus: 'not_affected' } }] }),
    });
    const scanned = buildPolicyInput(await readPolicyInputParts(dir, { findings: 'scan.json' }));
    assert.equal(validate(JSON.parse(JSON.stringify(scanned))), true, JSON.stringify(validate.errors));
    assert.deepEqual(scanned.findings.items[0], { id: 'GHSA-m4lw-xxxx', aliases: ['MAL-2024-1'], class: 'malicious', severity: 'critical', component: { name: 'evil', version: '1.0.0', purl: 'pkg:npm/evil@1.0.0' }, vex: { state: 'not_affected', justification: null }, fixed_versions: [] });
    writeFiles(dir, { 'f2.json': JSON.stringify([{ id: 'X', vex: { state: 'maybe' } }]) });
    await assert.rejects(readPolicyInputParts(dir, { findings: 'f2.json' }), /f2\.json \(at findings\[0\]\.vex\.state\): unknown VEX state "maybe"/);
    writeFiles(dir, { 'notsbom.json': '{"hello": 1}' });
    await assert.rejects(readPolicyInputParts(dir, { sbom: 'notsbom.json' }), /notsbom\.json: not a CycloneDX or SPDX JSON SBOM/);
  } finally {
    cleanup();
  }
});
