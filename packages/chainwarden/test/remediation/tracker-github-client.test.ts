import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TrackerError } from '../../src/remediation/tracker/errors.js';
import { GitHubIssueTracker } from '../../src/remediation/tracker/github/client.js';
import { FakeGitHub, startFakeGitHub } from '../helpers/fake-github.js';

describe('GitHubIssueTracker against a fake GitHub on loopback', () => {
  let gh: FakeGitHub;
  const waits: number[] = [];
  const client = (options: { token?: string; repo?: string; maxWaitMs?: number } = {}): GitHubIssueTracker =>
    new GitHubIssueTracker({
      apiUrl: gh.url,
      repo: { owner: (options.repo ?? 'acme/hotpass').split('/')[0] as string, name: (options.repo ?? 'acme/hotpass').split('/')[1] as string },
      token: options.token ?? gh.token,
      maxWaitMs: options.maxWaitMs ?? 10_000,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });

  before(async () => {
    gh = await startFakeGitHub();
    for (let i = 1; i <= 230; i++) {
      if (i % 10 === 0) gh.addIssue({ title: `PR ${i}`, labels: ['chainwarden'], pull_request: true });
      else gh.addIssue({ title: `issue ${i}`, labels: i % 3 === 0 ? ['other'] : ['chainwarden'], state: i % 7 === 0 ? 'closed' : 'open' });
    }
  });
  after(() => gh.close());

  it('lists open and closed issues by label across Link-header pages, skipping pull requests', async () => {
    gh.requests.length = 0;
    const issues = await client().listIssues('chainwarden');
    const expected = gh.issues.filter((i) => i.pull_request !== true && i.labels.includes('chainwarden'));
    assert.equal(issues.length, expected.length);
    assert.ok(issues.length > 100, 'needs more than one page');
    assert.deepEqual(issues.map((i) => i.number), expected.map((i) => i.number));
    assert.ok(issues.some((i) => i.state === 'closed'));
    const gets = gh.requests.filter((r) => r.method === 'GET');
    assert.equal(gets.length, Math.ceil(gh.issues.filter((i) => i.labels.includes('chainwarden')).length / 100));
    const first = gets[0];
    assert.ok(first !== undefined);
    assert.match(first.query, /state=all/u);
    assert.match(first.query, /labels=chainwarden/u);
    assert.match(first.query, /per_page=100/u);
    assert.equal(first.headers.accept, 'application/vnd.github+json');
    assert.equal(first.headers['x-github-api-version'], '2022-11-28');
    assert.equal(first.headers.authorization, `Bearer ${gh.token}`);
    assert.match(gets[1]?.query ?? '', /page=2/u);
  });

  it('creates, reads and updates an issue (state_reason on close)', async () => {
    const c = client();
    const created = await c.createIssue({ title: 'upgrade jinja2', body: 'x', labels: ['chainwarden'], assignees: ['alice'] });
    assert.equal(created.state, 'open');
    assert.deepEqual(created.assignees, ['alice']);
    assert.match(created.url, /\/issues\/\d+$/u);
    const closed = await c.updateIssue(created.number, { state: 'closed', stateReason: 'not_planned' });
    assert.equal(closed.state, 'closed');
    assert.equal(closed.stateReason, 'not_planned');
    assert.deepEqual(gh.requests.at(-1)?.body, { state: 'closed', state_reason: 'not_planned' });
    assert.equal((await c.getIssue(created.number))?.state, 'closed');
    assert.equal(await c.getIssue(99_999), undefined);
    gh.issue(created.number).transferredTo = 'acme/elsewhere';
    assert.equal(await c.getIssue(created.number), undefined, 'a transferred issue is not ours any more');
    gh.issue(created.number).deleted = true;
    assert.equal(await c.getIssue(created.number), undefined, 'a deleted issue (410)');
  });

  it('waits out a primary rate limit (403, remaining 0, reset) and a secondary one (429, retry-after), then succeeds', async () => {
    waits.length = 0;
    gh.script(FakeGitHub.primaryLimit(3), FakeGitHub.secondaryLimit(2));
    const c = client();
    const issue = await c.getIssue(1);
    assert.equal(issue?.number, 1);
    assert.equal(waits.length, 2);
    assert.ok((waits[0] ?? 0) >= 2000 && (waits[0] ?? 0) <= 5000, `primary wait ${waits[0]}`);
    assert.equal(waits[1], 2000);
    assert.equal(c.rateLimitWaitedMs, (waits[0] ?? 0) + 2000);
  });

  it('gives up with a clear error when the rate limit outlasts the wait budget', async () => {
    gh.script(FakeGitHub.primaryLimit(3600));
    const error = await client({ maxWaitMs: 60_000 }).listIssues('chainwarden').catch((e: unknown) => e);
    assert.ok(error instanceof TrackerError);
    assert.equal(error.exitCode, 3);
    assert.match(error.message, /listing issues of acme\/hotpass: primary rate limit exceeded \(403: API rate limit exceeded/u);
    assert.match(error.message, /resets at \d{4}-\d\d-\d\dT/u);
    assert.match(error.message, /beyond the wait budget of 60 s/u);
    gh.script(FakeGitHub.secondaryLimit(120));
    const secondary = await client({ maxWaitMs: 60_000 }).getIssue(1).catch((e: unknown) => e);
    assert.ok(secondary instanceof TrackerError);
    assert.match(secondary.message, /secondary rate limit exceeded \(429: You have exceeded a secondary rate limit/u);
  });

  it('401, 404 and 422 are errors that name the repository and the issue (exit 2)', async () => {
    const bad = await client({ token: 'wrong' }).listIssues('chainwarden').catch((e: unknown) => e);
    assert.ok(bad instanceof TrackerError);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.message, /listing issues of acme\/hotpass: the token was rejected \(401 Bad credentials — see https:\/\/docs\.github\.com/u);
    const missing = await client({ repo: 'acme/nope' }).listIssues('chainwarden').catch((e: unknown) => e);
    assert.ok(missing instanceof TrackerError);
    assert.match(missing.message, /listing issues of acme\/nope: not found \(404 Not Found.*check that acme\/nope exists/u);
    const unknown = await client().updateIssue(99_999, { title: 'x' }).catch((e: unknown) => e);
    assert.ok(unknown instanceof TrackerError);
    assert.match(unknown.message, /updating issue #99999 of acme\/hotpass: not found/u);
    const invalid = await client().createIssue({ title: 'x', assignees: ['mallory'] }).catch((e: unknown) => e);
    assert.ok(invalid instanceof TrackerError);
    assert.equal(invalid.status, 422);
    assert.match(invalid.message, /creating an issue in acme\/hotpass: rejected \(422 Validation Failed: Issue assignees invalid/u);
  });

  it('retries a server error, then reports the one that persists', async () => {
    waits.length = 0;
    gh.script({ status: 502, body: { message: 'Server Error' } });
    assert.equal((await client().getIssue(2))?.number, 2);
    assert.deepEqual(waits, [1000]);
    gh.script({ status: 500, body: { message: 'Server Error' } }, { status: 500, body: { message: 'Server Error' } }, { status: 500, body: { message: 'Server Error' } });
    const error = await client().getIssue(2).catch((e: unknown) => e);
    assert.ok(error instanceof TrackerError);
    assert.equal(error.exitCode, 3);
    assert.match(error.message, /reading issue #2 of acme\/hotpass: unexpected answer \(500 Server Error\)/u);
  });

  it('never follows a pagination link to another host with the token', async () => {
    gh.script({ status: 200, body: [], headers: { link: '<https://evil.example/repos/acme/hotpass/issues?page=2>; rel="next"' } });
    const error = await client().listIssues('chainwarden').catch((e: unknown) => e);
    assert.ok(error instanceof TrackerError);
    assert.match(error.message, /the next page is on another host \(https:\/\/evil\.example\); refusing to send the token there/u);
  });
});
