import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { generateProvenance } from '../../src/attest/provenance.js';
import { LOCAL_BUILDER_ID } from '../../src/attest/slsa-v1.js';
import { provenanceSchemaErrors } from '../helpers/provenance-schema.js';
import { buildProject, cleanEnv, gitInit, strings } from '../helpers/project.js';
import { tempDir } from '../helpers/shared.js';

const STARTED = new Date('2025-03-01T10:00:00.000Z');
const FINISHED = new Date('2025-03-01T10:04:30.250Z');
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

interface Doc {
  subject: { name: string; digest: Record<string, string> }[];
  predicate: {
    buildDefinition: { buildType: string; externalParameters: Record<string, unknown>; internalParameters: Record<string, unknown>; resolvedDependencies: { name?: string; uri?: string; digest?: Record<string, string>; annotations?: Record<string, unknown>; mediaType?: string }[] };
    runDetails: { builder: { id: string }; metadata: { invocationId: string; startedOn?: string; finishedOn: string } };
  };
}

function assertNoAbsolutePath(content: string, dir: string): void {
  assert.ok(!content.includes(dir), 'the project path never appears');
  for (const s of strings(JSON.parse(content))) assert.ok(!s.startsWith('/') && !/^[A-Za-z]:\\/.test(s), `absolute path: ${s}`);
}

test('provenance (local, git): schema-valid SLSA v1, artefacts as subjects, source from git without credentials, lockfiles and SBOM by digest', async () => {
  const { dir, cleanup } = tempDir();
  try {
    buildProject(dir);
    const commit = gitInit(dir, 'https://ci-bot:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/hotpass.git');
    const result = await generateProvenance({ projectDir: dir, env: cleanEnv(), startedOn: STARTED, finishedOn: FINISHED, command: ['chainwarden', 'provenance', dir, '--token', 'hunter2'] });
    const doc = JSON.parse(result.content) as Doc;
    assert.equal(provenanceSchemaErrors(doc), null, JSON.stringify(provenanceSchemaErrors(doc)));
    assert.deepEqual(doc.subject, [
      { name: 'dist/hotpass-0.3.0-py3-none-any.whl', digest: { sha256: sha256('a wheel\n') } },
      { name: 'dist/hotpass-0.3.0.tar.gz', digest: { sha256: sha256('an sdist\n') } },
    ]);
    const deps = doc.predicate.buildDefinition.resolvedDependencies;
    assert.deepEqual(deps[0], { uri: 'git+https://github.com/acme/hotpass@refs/heads/main', digest: { gitCommit: commit } });
    assert.deepEqual(deps.slice(1).map((d) => d.name), ['apps/web-ui/package-lock.json', 'uv.lock', 'dist/sbom/hotpass-sbom.json']);
    assert.equal(deps[3]?.mediaType, 'application/vnd.cyclonedx+json');
    assert.equal(deps[2]?.digest?.['sha256'], sha256('version = 1\nrequires-python = ">=3.12"\n'));
    assert.equal(doc.predicate.runDetails.builder.id, LOCAL_BUILDER_ID);
    assert.equal(doc.predicate.runDetails.metadata.startedOn, '2025-03-01T10:00:00.000Z');
    assert.equal(doc.predicate.runDetails.metadata.finishedOn, '2025-03-01T10:04:30.250Z');
    assert.deepEqual(doc.predicate.buildDefinition.externalParameters['command'], ['chainwarden', 'provenance', '.', '--token', '[REDACTED]']);
    assert.doesNotMatch(result.content, /ghp_|ci-bot|hunter2/);
    assertNoAbsolutePath(result.content, dir);
    // Deterministic apart from the timestamps: same inputs, same bytes.
    const again = await generateProvenance({ projectDir: dir, env: cleanEnv(), startedOn: STARTED, finishedOn: FINISHED, command: ['chainwarden', 'provenance', dir, '--token', 'hunter2'] });
    assert.equal(again.content, result.content);
    const later = await generateProvenance({ projectDir: dir, env: cleanEnv(), startedOn: new Date('2025-03-02T00:00:00Z'), finishedOn: FINISHED });
    assert.notEqual((JSON.parse(later.content) as Doc).predicate.runDetails.metadata.invocationId, doc.predicate.runDetails.metadata.invocationId);
    // A tracked file changed after the commit: said, not hidden.
    writeFileSync(join(dir, 'uv.lock'), 'version = 1\n# edited\n');
    const dirty = await generateProvenance({ projectDir: dir, env: cleanEnv(), finishedOn: FINISHED });
    assert.deepEqual((JSON.parse(dirty.content) as Doc).predicate.buildDefinition.resolvedDependencies[0]?.annotations, { uncommittedChanges: true });
    assert.ok(dirty.summary.notes.some((n) => /uncommitted changes/.test(n)));
  } finally {
    cleanup();
  }
});

test('provenance: outside a git repository the source is recorded as unknown (not a failure), still schema-valid', async () => {
  const { dir, cleanup } = tempDir();
  try {
    buildProject(dir);
    const result = await generateProvenance({ projectDir: dir, env: cleanEnv(), finishedOn: FINISHED, subjects: ['dist/*.whl'], digests: ['sha512'] });
    const doc = JSON.parse(result.content) as Doc;
    assert.equal(provenanceSchemaErrors(doc), null, JSON.stringify(provenanceSchemaErrors(doc)));
    const source = doc.predicate.buildDefinition.resolvedDependencies[0];
    assert.equal(source?.name, 'source');
    assert.equal(source?.annotations?.['status'], 'unknown');
    assert.match(String(source?.annotations?.['reason']), /not a git repository/);
    assert.deepEqual(Object.keys(doc.subject[0]?.digest ?? {}), ['sha256', 'sha512']);
    assert.equal(doc.predicate.runDetails.metadata.startedOn, undefined, 'no invented start time');
    assert.ok(result.summary.notes.some((n) => /source unknown/.test(n)));
    assert.ok(result.summary.notes.some((n) => /--started-on/.test(n)));
  } finally {
    cleanup();
  }
});

test('provenance (GitHub Actions): builder, invocation, workflow parameters from the documented variables; inputs that look like secrets are redacted', async () => {
  const { dir, cleanup } = tempDir();
  try {
    buildProject(dir);
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ inputs: { version: '0.3.0', api_token: 'plain-looking', note: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', environment: 'prod', customer: 'acme-corp' } }));
    const env = cleanEnv({
      GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/hotpass', GITHUB_REPOSITORY_ID: '42',
      GITHUB_REF: 'refs/tags/v0.3.0', GITHUB_SHA: 'a'.repeat(40), GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: event,
      GITHUB_WORKFLOW_REF: 'acme/hotpass/.github/workflows/release.yml@refs/tags/v0.3.0', GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2', RUNNER_ENVIRONMENT: 'github-hosted',
      GITHUB_TOKEN: 'ghs_abcdefghijklmnopqrstuvwxyz0123456789',
    });
    const result = await generateProvenance({ projectDir: dir, env, startedOn: STARTED, finishedOn: FINISHED, redact: ['customer'] });
    const doc = JSON.parse(result.content) as Doc;
    assert.equal(provenanceSchemaErrors(doc), null, JSON.stringify(provenanceSchemaErrors(doc)));
    assert.equal(doc.predicate.runDetails.builder.id, 'https://github.com/actions/runner/github-hosted');
    assert.equal(doc.predicate.runDetails.metadata.invocationId, 'https://github.com/acme/hotpass/actions/runs/123/attempts/2');
    assert.deepEqual(doc.predicate.buildDefinition.externalParameters, {
      workflow: { ref: 'refs/tags/v0.3.0', repository: 'https://github.com/acme/hotpass', path: '.github/workflows/release.yml' },
      event: 'workflow_dispatch',
      inputs: { version: '0.3.0', api_token: '[REDACTED]', note: '[REDACTED]', environment: 'prod', customer: '[REDACTED]' },
    });
    assert.deepEqual(doc.predicate.buildDefinition.resolvedDependencies[0], { uri: 'git+https://github.com/acme/hotpass@refs/tags/v0.3.0', digest: { gitCommit: 'a'.repeat(40) } });
    assert.doesNotMatch(result.content, /ghp_|ghs_|plain-looking|acme-corp/);
    assertNoAbsolutePath(result.content, dir);
    assert.equal(result.summary.environment, 'github-actions');
    const override = await generateProvenance({ projectDir: dir, env, finishedOn: FINISHED, builderId: 'https://ci.example.com/builders/release@v1' });
    assert.equal((JSON.parse(override.content) as Doc).predicate.runDetails.builder.id, 'https://ci.example.com/builders/release@v1');
  } finally {
    cleanup();
  }
});

test('provenance (GitLab CI): runner builder id, job URL invocation, pipeline parameters', async () => {
  const { dir, cleanup } = tempDir();
  try {
    buildProject(dir);
    const env = cleanEnv({
      GITLAB_CI: 'true', CI_SERVER_URL: 'https://gitlab.example.com', CI_PROJECT_PATH: 'acme/hotpass', CI_PROJECT_URL: 'https://gitlab.example.com/acme/hotpass',
      CI_COMMIT_SHA: 'b'.repeat(40), CI_COMMIT_BRANCH: 'main', CI_RUNNER_ID: '7', CI_JOB_URL: 'https://gitlab.example.com/acme/hotpass/-/jobs/99', CI_PIPELINE_SOURCE: 'push', CI_JOB_TOKEN: 'glcbt-secret',
    });
    const result = await generateProvenance({ projectDir: dir, env, finishedOn: FINISHED });
    const doc = JSON.parse(result.content) as Doc;
    assert.equal(provenanceSchemaErrors(doc), null, JSON.stringify(provenanceSchemaErrors(doc)));
    assert.equal(doc.predicate.runDetails.builder.id, 'https://gitlab.example.com/acme/hotpass/-/runners/7');
    assert.equal(doc.predicate.runDetails.metadata.invocationId, 'https://gitlab.example.com/acme/hotpass/-/jobs/99');
    assert.deepEqual(doc.predicate.buildDefinition.resolvedDependencies[0], { uri: 'git+https://gitlab.example.com/acme/hotpass@refs/heads/main', digest: { gitCommit: 'b'.repeat(40) } });
    assert.doesNotMatch(result.content, /glcbt/);
  } finally {
    cleanup();
  }
});
