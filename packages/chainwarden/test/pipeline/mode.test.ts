import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/core/errors.js';
import { detectRunMode } from '../../src/pipeline/mode.js';

test('run mode: from the CI event, the flag winning; release outside CI', () => {
  const cases: [NodeJS.ProcessEnv, string | undefined, string, string][] = [
    [{}, undefined, 'release', 'default (not in CI)'],
    [{ GITHUB_EVENT_NAME: 'pull_request' }, undefined, 'pr', 'GITHUB_EVENT_NAME=pull_request'],
    [{ GITHUB_EVENT_NAME: 'pull_request_target' }, undefined, 'pr', 'GITHUB_EVENT_NAME=pull_request_target'],
    [{ GITHUB_EVENT_NAME: 'release' }, undefined, 'release', 'GITHUB_EVENT_NAME=release'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.0' }, undefined, 'release', 'GITHUB_EVENT_NAME=push (tag)'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF_TYPE: 'tag' }, undefined, 'release', 'GITHUB_EVENT_NAME=push (tag)'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, undefined, 'pr', 'GITHUB_EVENT_NAME=push (not a release event)'],
    [{ CI_PIPELINE_SOURCE: 'merge_request_event' }, undefined, 'pr', 'CI_PIPELINE_SOURCE=merge_request_event'],
    [{ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v2.0.0' }, undefined, 'release', 'CI_PIPELINE_SOURCE=push (tag v2.0.0)'],
    [{ CI_PIPELINE_SOURCE: 'push' }, undefined, 'pr', 'CI_PIPELINE_SOURCE=push (not a tag pipeline)'],
    [{ GITHUB_EVENT_NAME: 'pull_request' }, 'release', 'release', '--mode'],
    [{}, 'pr', 'pr', '--mode'],
  ];
  for (const [env, flag, mode, source] of cases) assert.deepEqual(detectRunMode(env, flag), { mode, source }, JSON.stringify({ env, flag }));
  assert.throws(() => detectRunMode({}, 'nightly'), (e: unknown) => e instanceof UsageError && /--mode: "nightly" is not one of pr, release/.test(e.message));
});
