import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError, UsageError } from '../../src/core/errors.js';
import { ownerLogin, toTrackedItem } from '../../src/remediation/tracker/backlog-entry.js';
import { parseBacklogJson } from '../../src/remediation/tracker/backlog-json.js';
import { nextLink } from '../../src/remediation/tracker/github/link-header.js';
import { rateLimitWait } from '../../src/remediation/tracker/github/rate-limit.js';
import { apiBaseUrl, parseRepo } from '../../src/remediation/tracker/github/repo.js';
import { JsonFileTrackerLinkStore } from '../../src/remediation/tracker/json-link-store.js';
import { code, plain } from '../../src/remediation/tracker/markdown.js';
import { markedItemId, markerLine } from '../../src/remediation/tracker/marker.js';
import { planSync } from '../../src/remediation/tracker/plan.js';
import { tempDir } from '../helpers/shared.js';

const entry = { id: 'CW-1a2b3c4d', title: 'upgrade jinja2 3.1.2 → 3.1.6 fixes 3 advisories', status: 'open', product: 'hotpass', component: { name: 'jinja2', version: '3.1.2' } };

describe('backlog JSON export reader (untrusted input)', () => {
  it('reads an array or { entries }, normalises spellings, defaults severity to unrated', () => {
    const [a] = parseBacklogJson(JSON.stringify([{ ...entry, status: 'in_progress', dueDate: '2026-04-01', fixVersion: '3.1.6', advisories: ['GHSA-h75v-3vvj-5mfj'] }]), 'b.json');
    assert.equal(a?.status, 'in-progress');
    assert.equal(a?.due, '2026-04-01');
    assert.equal(a?.fixedVersion, '3.1.6');
    assert.equal(a?.severity, 'unrated');
    assert.deepEqual(a?.advisories, [{ id: 'GHSA-h75v-3vvj-5mfj' }]);
    assert.equal(parseBacklogJson(JSON.stringify({ entries: [entry] }), 'b.json').length, 1);
  });

  it('names the file and the place of every problem', () => {
    const bad = (doc: unknown, re: RegExp): void =>
      assert.throws(
        () => parseBacklogJson(typeof doc === 'string' ? doc : JSON.stringify(doc), 'backlog.json'),
        (e: unknown) => e instanceof InputError && re.test(e.message),
      );
    bad('{"entries": [', /^backlog\.json:1:14: invalid JSON/u);
    bad({ entries: 3 }, /^backlog\.json: expected an array of backlog entries/u);
    bad({ entries: [entry, { ...entry, id: undefined }] }, /^backlog\.json \(at entries\[1\]\.id\): required, missing/u);
    bad([{ ...entry, status: 'done' }], /^backlog\.json \(at \[0\]\.status\): unknown status "done" \(expected open, in-progress, resolved, accepted, not-affected\)/u);
    bad([entry, entry], /^backlog\.json \(at \[1\]\.id\): duplicate entry id CW-1a2b3c4d \(first at \[0\]\)/u);
    bad([{ ...entry, id: 'CW 1 -->' }], /\(at \[0\]\.id\): expected an id of letters/u);
    bad([{ ...entry, advisories: [{ aliases: ['CVE-1'] }] }], /\(at \[0\]\.advisories\[0\]\): expected an advisory id/u);
    bad([{ ...entry, due: 'soon' }], /\(at \[0\]\.due\): expected a date YYYY-MM-DD/u);
    bad([{ ...entry, component: { version: '1' } }], /\(at \[0\]\.component\.name\): expected a non-empty string/u);
  });
});

describe('issue content', () => {
  it('maps statuses to open/closed with GitHub close reasons, owners to logins', () => {
    const [e] = parseBacklogJson(JSON.stringify([entry]), 'b.json');
    assert.ok(e !== undefined);
    assert.deepEqual([toTrackedItem({ ...e, status: 'resolved' }).closeReason, toTrackedItem({ ...e, status: 'accepted' }).closeReason, toTrackedItem({ ...e, status: 'not-affected' }).closeReason], ['completed', 'not_planned', 'not_planned']);
    assert.equal(toTrackedItem({ ...e, status: 'in-progress' }).state, 'open');
    assert.deepEqual([ownerLogin('@alice'), ownerLogin('bob-1'), ownerLogin('@acme/sec'), ownerLogin('a@b.c'), ownerLogin('-x')], ['alice', 'bob-1', undefined, undefined, undefined]);
    assert.deepEqual(toTrackedItem({ ...e, due: '2026-01-01' }, { today: '2026-02-01' }).labels, ['chainwarden', 'overdue', 'product:hotpass', 'severity:unrated']);
    assert.ok(!toTrackedItem({ ...e, status: 'resolved', due: '2026-01-01' }, { today: '2026-02-01' }).labels.includes('overdue'));
  });

  it('untrusted names cannot mention people, break tables or forge a marker', () => {
    assert.equal(code('a`b|c'), '``a`b c``');
    assert.equal(plain('@alice <b>|x'), '@\u200balice \\<b\\>\\|x');
    assert.equal(plain('pkg:pypi/adyen@0.0.1 (cc @acme/sec)'), 'pkg:pypi/adyen@0.0.1 (cc @\u200bacme/sec)');
    const [e] = parseBacklogJson(JSON.stringify([{ ...entry, product: '<!-- chainwarden:CW-evil -->', component: { name: '@everyone' } }]), 'b.json');
    assert.ok(e !== undefined);
    const item = toTrackedItem(e);
    assert.ok(!item.body.includes('\n<!-- chainwarden:CW-evil -->'));
    assert.equal(markedItemId(`${markerLine(item.id)}\n${item.body}`), 'CW-1a2b3c4d');
    assert.equal(markedItemId(`text\n${markerLine('CW-other')}`), undefined);
    assert.equal(markedItemId(null), undefined);
  });
});

describe('GitHub protocol pieces', () => {
  it('follows rel="next" in Link headers', () => {
    assert.equal(nextLink('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"'), 'https://api.github.com/x?page=2');
    assert.equal(nextLink('<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=1>; rel="first"'), undefined);
    assert.equal(nextLink(null), undefined);
  });

  it('tells rate limits from plain refusals', () => {
    const h = (o: Record<string, string>): Headers => new Headers(o);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.deepEqual(rateLimitWait(403, h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) }), '', now), { kind: 'primary', waitMs: 31_000, resetAt: '2026-01-01T00:00:30Z' });
    assert.deepEqual(rateLimitWait(429, h({ 'retry-after': '7' }), '', now), { kind: 'secondary', waitMs: 7000 });
    assert.deepEqual(rateLimitWait(403, h({}), 'You have exceeded a secondary rate limit', now), { kind: 'secondary', waitMs: 60_000 });
    assert.equal(rateLimitWait(403, h({ 'x-ratelimit-remaining': '4999' }), 'Resource not accessible by integration', now), undefined);
    assert.equal(rateLimitWait(500, h({ 'retry-after': '1' }), '', now), undefined);
  });

  it('parses owner/repo and the API base URL', () => {
    assert.deepEqual(parseRepo('acme/hotpass'), { owner: 'acme', name: 'hotpass' });
    for (const bad of ['acme', 'acme/hot/pass', 'acme/..', '/x', 'a b/c']) assert.throws(() => parseRepo(bad), UsageError);
    assert.equal(apiBaseUrl(undefined, {}), 'https://api.github.com');
    assert.equal(apiBaseUrl(undefined, { GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }), 'https://ghe.example.com/api/v3');
    assert.equal(apiBaseUrl('http://127.0.0.1:9', { GITHUB_API_URL: 'https://x' }), 'http://127.0.0.1:9');
    assert.throws(() => apiBaseUrl('ftp://x', {}), /--api-url: expected an http\(s\) URL/u);
  });
});

describe('link store and planner edges', () => {
  it('a corrupted link file is an error naming the file and the key path', async () => {
    const tmp = tempDir();
    try {
      const path = join(tmp.dir, 'links.json');
      writeFileSync(path, JSON.stringify({ version: 1, links: [{ repo: 'a/b', itemId: 'CW-1', issueNumber: 'seven' }] }));
      await assert.rejects(new JsonFileTrackerLinkStore(path, 'data/tracker/links.json').list('a/b'), /^InputError: data\/tracker\/links\.json \(at links\[0\]\.issueNumber\): expected an issue number/u);
      assert.deepEqual(await new JsonFileTrackerLinkStore(join(tmp.dir, 'none.json')).list('a/b'), []);
    } finally {
      tmp.cleanup();
    }
  });

  it('an entry closed before it was ever tracked needs no issue; an unknown marked issue is reported, not touched', () => {
    const [e] = parseBacklogJson(JSON.stringify([{ ...entry, status: 'not-affected' }]), 'b.json');
    assert.ok(e !== undefined);
    const plan = planSync({ repo: 'a/b', items: [toTrackedItem(e)], links: [], remote: [{ number: 4, url: 'u', title: 't', body: `${markerLine('CW-gone')}\nx`, labels: ['chainwarden'], state: 'open', assignees: [] }] });
    assert.deepEqual(plan.actions.map((a) => [a.kind, a.note]), [['noop', 'not-affected, never tracked: no issue needed']]);
    assert.deepEqual(plan.warnings, ['#4 is marked for CW-gone, which is not in the backlog; left as it is']);
  });

  it('an issue a person reopened after chainwarden closed it is proposed as open, not closed again', () => {
    const [e] = parseBacklogJson(JSON.stringify([{ ...entry, status: 'resolved', owner: '@alice' }]), 'b.json');
    assert.ok(e !== undefined);
    const item = toTrackedItem(e);
    const body = `${markerLine(item.id)}\n${item.body}\n`;
    const link = { repo: 'a/b', itemId: item.id, issueNumber: 9, url: 'u9', lastSyncedAt: '2026-01-01T00:00:00Z', remoteState: 'closed' as const, remoteAssignee: 'alice', contentHash: 'x' };
    const plan = planSync({ repo: 'a/b', items: [item], links: [link], remote: [{ number: 9, url: 'u9', title: item.title, body, labels: [...item.labels], state: 'open', stateReason: 'reopened', assignees: ['alice'] }] });
    assert.deepEqual(plan.actions.map((a) => [a.kind, a.changes, a.keep]), [['noop', [], { state: 'closed' }]]);
    assert.deepEqual(plan.incoming.map((c) => [c.field, c.from, c.to, c.reason]), [['status', 'resolved', 'open', 'reopened on the tracker']]);
  });
});
