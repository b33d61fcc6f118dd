import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { markedItemId } from '../../src/remediation/tracker/marker.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import { CLI, tempDir } from '../helpers/shared.js';
import { realBacklog } from './backlog-fixture.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** The real CLI in a child process, asynchronously (the fake GitHub lives in this process and must keep answering). */
function cli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1772366400' };
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_API_URL', 'CHAINWARDEN_DATABASE_URL']) delete base[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'backlog', 'sync', ...args], { cwd, env: { ...base, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

describe('chainwarden backlog sync (CLI, against a fake GitHub)', () => {
  let gh: FakeGitHub;
  let tmp: { dir: string; cleanup: () => void };
  const links = (): string => join(tmp.dir, 'data/tracker/links.json');
  const online = (): NodeJS.ProcessEnv => ({ GITHUB_TOKEN: gh.token, GITHUB_API_URL: gh.url });
  const repo = ['--github', 'acme/hotpass', '--from', 'backlog.json'];

  before(async () => {
    gh = await startFakeGitHub();
    tmp = tempDir();
    writeFileSync(join(tmp.dir, 'backlog.json'), JSON.stringify({ entries: realBacklog(6) }, null, 2));
  });
  after(async () => {
    await gh.close();
    tmp.cleanup();
  });

  it('dry-run without a token: offline, creates only, GitHub never contacted, nothing written', async () => {
    const run = await cli(repo, tmp.dir, { GITHUB_API_URL: gh.url });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^backlog sync acme\/hotpass \(dry-run, offline\): 6 to create, 0 to update, 0 to close, 0 to reopen, 0 unchanged; 0 incoming$/mu);
    assert.match(run.stdout, /warning: offline \(no GITHUB_TOKEN\): remote issues were not listed/u);
    assert.match(run.stdout, /dry-run: nothing changed and GitHub was not contacted/u);
    assert.equal(gh.requests.length, 0);
    assert.equal(existsSync(links()), false);
    const noToken = await cli([...repo, '--apply'], tmp.dir);
    assert.equal(noToken.status, 2);
    assert.match(noToken.stderr, /backlog sync --apply needs a token with issues: write in GITHUB_TOKEN/u);
  });

  it('--apply creates the issues and saves the links; the second run changes nothing', async () => {
    const first = await cli([...repo, '--apply', '--api-url', gh.url], tmp.dir, { GITHUB_TOKEN: gh.token });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /\(apply, online\): 6 created, 0 updated/u);
    assert.match(first.stdout, /links: 6 saved to data\/tracker\/links\.json/u);
    assert.equal(gh.issues.length, 6);
    const saved = readFileSync(links(), 'utf8');
    assert.match(saved, /"lastSyncedAt": "2026-03-01T12:00:00Z"/u);

    const second = await cli([...repo, '--apply', '--json'], tmp.dir, online());
    assert.equal(second.status, 0, second.stderr);
    const report = JSON.parse(second.stdout) as { counts: Record<string, number>; links: { saved: number } };
    assert.deepEqual(report.counts, { create: 0, update: 0, close: 0, reopen: 0, noop: 6, incoming: 0 });
    assert.equal(report.links.saved, 0);
    assert.equal(gh.writes.length, 6);
    assert.equal(readFileSync(links(), 'utf8'), saved);
  });

  it('a person closes an issue: the dry-run proposes the status, --apply does not reopen it', async () => {
    const target = gh.issues[0];
    assert.ok(target !== undefined);
    gh.closeByHand(target.number, 'not_planned');
    const run = await cli(repo, tmp.dir, online());
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\(dry-run, online\): .*; 1 incoming/u);
    assert.match(run.stdout, new RegExp(`${markedItemId(target.body) ?? '?'}\\s+#${target.number}\\s+status: open → accepted\\s+closed on the tracker as not_planned`, 'u'));
    const applied = await cli([...repo, '--apply'], tmp.dir, online());
    assert.equal(applied.status, 0, applied.stderr);
    assert.equal(target.state, 'closed');
    assert.equal(gh.writes.length, 6);
  });

  it('bad input, a bad token and an unknown repository: exit 2, named, nothing written', async () => {
    const saved = readFileSync(links(), 'utf8');
    writeFileSync(join(tmp.dir, 'broken.json'), '{"entries": [{"id": "CW-1", "title": "t", "status": "later", "product": "p", "component": "c"}]}');
    const broken = await cli(['--github', 'acme/hotpass', '--from', 'broken.json'], tmp.dir, online());
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /broken\.json \(at entries\[0\]\.status\): unknown status "later"/u);
    const token = await cli([...repo, '--apply'], tmp.dir, { ...online(), GITHUB_TOKEN: 'revoked' });
    assert.equal(token.status, 2);
    assert.match(token.stderr, /GitHub: listing issues of acme\/hotpass: the token was rejected \(401 Bad credentials/u);
    const missing = await cli(['--github', 'acme/other', '--from', 'backlog.json', '--apply'], tmp.dir, online());
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /listing issues of acme\/other: not found \(404 Not Found/u);
    const usage = await cli(['--github', 'hotpass', '--from', 'backlog.json'], tmp.dir);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--github: expected owner\/repo \(e\.g\. acme\/hotpass\), got "hotpass"/u);
    assert.equal(readFileSync(links(), 'utf8'), saved);
  });

  it('settings from chainwarden.yaml (tracker section), flags override them; a bad setting names the key', async () => {
    const project = join(tmp.dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'backlog.json'), readFileSync(join(tmp.dir, 'backlog.json')));
    writeFileSync(join(project, 'chainwarden.yaml'), 'tracker:\n  github: acme/hotpass\n  links: state/issues.json\n  max-wait: 30\n');
    const run = await cli(['--from', 'backlog.json', '--apply'], project, online());
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /acme\/hotpass \(apply, online\): 0 created.*6 unchanged/u, 'found by marker: no duplicates');
    assert.match(run.stdout, /links: 6 saved to state\/issues\.json/u);
    const other = await cli(['--from', 'backlog.json', '--github', 'acme/other'], project, online());
    assert.equal(other.status, 2);
    assert.match(other.stderr, /acme\/other: not found/u);
    writeFileSync(join(project, 'chainwarden.yaml'), 'tracker:\n  max-wait: soon\n');
    const bad = await cli(['--from', 'backlog.json'], project);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /chainwarden\.yaml:2:.*tracker\.max-wait.*expected an integer/u);
  });

  it('rate limits: waited out within --max-wait, else exit 3 with when it resets', async () => {
    gh.script({ status: 429, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit.', documentation_url: 'https://docs.github.com/rest' } });
    const waited = await cli(repo, tmp.dir, online());
    assert.equal(waited.status, 0, waited.stderr);
    gh.script({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600) },
      body: { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest' },
    });
    const exhausted = await cli([...repo, '--max-wait', '5'], tmp.dir, online());
    assert.equal(exhausted.status, 3);
    assert.match(exhausted.stderr, /primary rate limit exceeded \(403: API rate limit exceeded for user ID 1\.\); resets at .*beyond the wait budget of 5 s/u);
  });
});
