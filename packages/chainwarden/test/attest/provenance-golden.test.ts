import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateProvenance } from '../../src/attest/provenance.js';
import { provenanceSchemaErrors } from '../helpers/provenance-schema.js';
import { buildProject, cleanEnv } from '../helpers/project.js';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';

/**
 * Golden file: the exact bytes of provenance for a fixed project built on GitHub Actions (documented variables set by
 * hand, fixed timestamps). Refresh deliberately with `UPDATE_GOLDEN=1 npm run test:unit -- golden`.
 */
const GOLDEN = join(REPO_ROOT, 'packages/chainwarden/test/golden/provenance-github-actions.intoto.json');

test('golden: provenance-github-actions.intoto.json', async () => {
  const { dir, cleanup } = tempDir();
  try {
    buildProject(dir);
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ inputs: { version: '0.3.0', pypi_token: 'pypi-secret-value' } }));
    const env = cleanEnv({
      GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/hotpass', GITHUB_REPOSITORY_ID: '42', GITHUB_REPOSITORY_OWNER_ID: '7',
      GITHUB_REF: 'refs/tags/v0.3.0', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_WORKFLOW_REF: 'acme/hotpass/.github/workflows/release.yml@refs/tags/v0.3.0', GITHUB_WORKFLOW_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_RUN_ID: '9001', GITHUB_RUN_ATTEMPT: '1', RUNNER_ENVIRONMENT: 'github-hosted',
    });
    const result = await generateProvenance({
      projectDir: dir, env, digests: ['sha512'],
      startedOn: new Date('2025-03-01T10:00:00.000Z'), finishedOn: new Date('2025-03-01T10:04:30.250Z'),
      command: ['chainwarden', 'run', dir],
    });
    assert.equal(provenanceSchemaErrors(JSON.parse(result.content)), null);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(GOLDEN)) {
      assert.equal(process.env['UPDATE_GOLDEN'], '1', 'the golden file is missing: run with UPDATE_GOLDEN=1 to create it');
      writeFileSync(GOLDEN, result.content);
    }
    assert.equal(result.content, readFileSync(GOLDEN, 'utf8'), 'differs from the golden file (UPDATE_GOLDEN=1 to refresh after review)');
  } finally {
    cleanup();
  }
});
