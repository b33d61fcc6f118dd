import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BacklogEntryView } from '../../src/remediation/tracker/backlog-entry.js';
import { toTrackedItem } from '../../src/remediation/tracker/backlog-entry.js';
import { parseBacklogJson } from '../../src/remediation/tracker/backlog-json.js';
import { GitHubIssueTracker } from '../../src/remediation/tracker/github/client.js';
import { JsonFileTrackerLinkStore } from '../../src/remediation/tracker/json-link-store.js';
import { markedItemId } from '../../src/remediation/tracker/marker.js';
import type { SyncReport } from '../../src/remediation/tracker/sync.js';
import { syncBacklog } from '../../src/remediation/tracker/sync.js';
import type { FakeIssue , FakeGitHub} from '../helpers/fake-github.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import { tempDir } from '../helpers/shared.js';
import { realBacklog } from './backlog-fixture.js';

describe('backlog sync with GitHub issues (two-way, against a fake GitHub)', () => {
  let gh: FakeGitHub;
  let tmp: { dir: string; cleanup: () => void };
  let entries: BacklogEntryView[];
  const linkFile = (): string => join(tmp.dir, 'data/tracker/links.json');
  const now = (): Date => new Date('2026-03-01T12:00:00Z');
  const sync = (apply: boolean, list: readonly BacklogEntryView[] = entries, online = true): Promise<SyncReport> =>
    syncBacklog({
      repo: 'acme/hotpass',
      items: list.map((e) => toTrackedItem(e, { today: '2026-03-01' })),
      links: new JsonFileTrackerLinkStore(linkFile(), 'data/tracker/links.json'),
      ...(online ? { tracker: new GitHubIssueTracker({ apiUrl: gh.url, repo: { owner: 'acme', name: 'hotpass' }, token: gh.token, sleep: () => Promise.resolve() }) } : {}),
      apply,
      now,
    });
  const issueFor = (id: string): FakeIssue => {
    const found = gh.issues.find((i) => markedItemId(i.body) === id);
    assert.ok(found !== undefined, `no issue for ${id}`);
    return found;
  };
  const at = (i: number): BacklogEntryView => entries[i] as BacklogEntryView;
  const update = (i: number, patch: Partial<BacklogEntryView>): void => {
    entries[i] = { ...at(i), ...patch };
  };

  before(async () => {
    gh = await startFakeGitHub();
    tmp = tempDir();
    // Real advisories, through the JSON export reader as the CLI reads them.
    entries = parseBacklogJson(JSON.stringify({ entries: realBacklog(12) }), 'backlog.json');
    assert.equal(entries.length, 12);
  });
  after(async () => {
    await gh.close();
    tmp.cleanup();
  });

  it('offline without links: every open entry is a create, and says remote issues were not listed', async () => {
    const report = await sync(false, entries, false);
    assert.equal(report.online, false);
    assert.equal(report.counts.create, 12);
    assert.match(report.warnings.join('\n'), /offline \(no GITHUB_TOKEN\): remote issues were not listed.*12 item\(s\) without a saved link are shown as creates/u);
    assert.equal(gh.requests.length, 0);
  });

  it('apply creates one issue per entry: marker, real advisories, labels, assignee for a login owner only', async () => {
    const report = await sync(true);
    assert.equal(report.counts.create, 12);
    assert.ok(report.actions.every((a) => a.done && a.issue !== undefined));
    assert.equal(gh.issues.length, 12);
    assert.equal(report.linksSaved, 12);
    const first = issueFor(at(0).id);
    assert.equal(first.title, at(0).title);
    assert.equal(first.body?.split('\n')[0], `<!-- chainwarden:${at(0).id} -->`);
    for (const adv of at(0).advisories) {
      assert.ok(first.body?.includes(adv.id), adv.id);
      for (const alias of adv.aliases ?? []) assert.ok(first.body?.includes(alias), alias);
    }
    assert.match(first.body ?? '', /\| Due \| 2026-01-15 \*\*\(overdue\)\*\* \|/u);
    assert.deepEqual(first.labels, ['chainwarden', 'overdue', 'product:hotpass', `severity:${at(0).severity}`].sort());
    assert.deepEqual(first.assignees, ['alice']);
    assert.deepEqual(issueFor(at(2).id).assignees, []); // @acme/platform-team is a team: no assignee
    assert.match(issueFor(at(2).id).body ?? '', /\| Owner \| @\u200bacme\/platform-team \|/u);
    const links = JSON.parse(readFileSync(linkFile(), 'utf8')) as { version: number; links: { itemId: string; issueNumber: number; remoteState: string }[] };
    assert.equal(links.version, 1);
    assert.deepEqual(links.links.map((l) => l.itemId), entries.map((e) => e.id).sort());
  });

  it('a second sync changes nothing: no writes, same link file', async () => {
    const before = readFileSync(linkFile(), 'utf8');
    const writes = gh.writes.length;
    const report = await sync(true);
    assert.equal(report.counts.noop, 12);
    assert.equal(report.counts.incoming, 0);
    assert.equal(gh.writes.length, writes);
    assert.equal(readFileSync(linkFile(), 'utf8'), before);
  });

  it('reads back what people did: closed as completed / not planned, reassigned; never overwrites it', async () => {
    gh.closeByHand(issueFor(at(0).id).number, 'completed');
    gh.closeByHand(issueFor(at(1).id).number, 'not_planned');
    gh.assignByHand(issueFor(at(3).id).number, 'carol');
    gh.labelByHand(issueFor(at(4).id).number, [...issueFor(at(4).id).labels, 'needs-triage']);
    gh.labelByHand(issueFor(at(5).id).number, ['needs-triage']); // someone removed chainwarden's labels
    const writes = gh.writes.length;

    const plan = await sync(false);
    assert.equal(gh.writes.length, writes, 'a dry-run writes nothing');
    const incoming = plan.incoming.map((c) => [c.itemId, c.field, c.from, c.to]);
    assert.deepEqual(
      incoming,
      [
        [at(0).id, 'status', 'open', 'resolved'],
        [at(1).id, 'status', 'open', 'accepted'],
        [at(3).id, 'owner', at(3).owner ?? null, '@carol'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const five = plan.actions.find((a) => a.itemId === at(5).id);
    assert.equal(five?.kind, 'update');
    assert.deepEqual(five?.changes, ['labels']);

    const applied = await sync(true);
    assert.equal(applied.counts.update, 1);
    assert.equal(applied.counts.close + applied.counts.reopen, 0);
    assert.equal(issueFor(at(0).id).state, 'closed', 'not reopened');
    assert.deepEqual(issueFor(at(3).id).assignees, ['carol'], 'not reassigned');
    assert.ok(issueFor(at(4).id).labels.includes('needs-triage'), "a person's label is kept");
    assert.deepEqual(issueFor(at(5).id).labels, ['chainwarden', 'needs-triage', 'product:hotpass', `severity:${at(5).severity}`]);

    // Until the backlog adopts them, the changes keep being proposed, and nothing is written.
    const again = await sync(true);
    assert.equal(again.counts.incoming, 3);
    assert.equal(again.counts.noop, 12);
    assert.equal(gh.writes.length, writes + 1);
  });

  it('once the backlog adopts them, they are in sync; local changes close, reopen and update', async () => {
    update(0, { status: 'resolved' });
    update(1, { status: 'accepted' });
    update(3, { owner: '@carol' });
    update(6, { status: 'not-affected' });
    update(7, { status: 'resolved' });
    update(8, { title: `${at(8).title} (reachable)`, status: 'in-progress' });
    const report = await sync(true);
    assert.equal(report.counts.incoming, 0);
    const kinds = Object.fromEntries(report.actions.filter((a) => a.kind !== 'noop').map((a) => [a.itemId, [a.kind, a.changes.join(',')]]));
    // The body shows status and owner, so adopting a change rewrites it; labels follow status and overdue.
    assert.deepEqual(kinds, {
      [at(0).id]: ['update', 'body,labels'],
      [at(1).id]: ['update', 'body,labels'],
      [at(3).id]: ['update', 'body'],
      [at(6).id]: ['close', 'body,state'],
      [at(7).id]: ['close', 'body,state'],
      [at(8).id]: ['update', 'title,body,labels'],
    });
    assert.equal(issueFor(at(6).id).state_reason, 'not_planned');
    assert.equal(issueFor(at(7).id).state_reason, 'completed');
    assert.equal(issueFor(at(8).id).title, at(8).title);
    assert.ok(issueFor(at(8).id).labels.includes('status:in-progress'));

    update(7, { status: 'open' }); // the vulnerable version came back
    const reopened = await sync(true);
    assert.deepEqual(reopened.actions.filter((a) => a.kind !== 'noop').map((a) => [a.itemId, a.kind]), [[at(7).id, 'reopen']]);
    assert.equal(issueFor(at(7).id).state, 'open');
    assert.equal(issueFor(at(7).id).state_reason, 'reopened');
    assert.equal((await sync(true)).counts.noop, 12);
  });

  it('offline with links: plans from what the last sync wrote', async () => {
    update(9, { title: `${at(9).title} (again)` });
    update(10, { status: 'resolved' });
    const report = await sync(false, entries, false);
    const changed = report.actions.filter((a) => a.kind !== 'noop').map((a) => [a.itemId, a.kind, a.changes.join(',')]);
    assert.deepEqual(changed, [
      [at(9).id, 'update', 'content'],
      [at(10).id, 'close', 'content,state'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    assert.equal(report.counts.create, 0);
    await sync(true);
  });

  it('a lost link file: issues are found again by their marker, never created twice', async () => {
    rmSync(linkFile());
    const issues = gh.issues.length;
    const report = await sync(true);
    assert.deepEqual(report.actions.filter((a) => a.kind !== 'noop').map((a) => [a.itemId, a.kind, a.changes]), []);
    assert.equal(gh.issues.length, issues);
    assert.equal(report.counts.noop, 12);
    assert.equal(report.linksSaved, 12);
  });

  it('a duplicate marker and an assignee GitHub refuses are warnings, not failures', async () => {
    const dup = issueFor(at(11).id);
    gh.addIssue({ title: 'copy', body: dup.body, labels: ['chainwarden'] });
    const mallory: BacklogEntryView = { ...at(11), id: 'CW-00000001', owner: '@mallory', title: 'upgrade x 1 → 2 fixes 1 advisory' };
    update(10, { owner: '@mallory' });
    const report = await sync(true, [...entries, mallory]);
    assert.match(report.warnings.join('\n'), new RegExp(`${at(10).id}: acme/hotpass refused assignee mallory; left the assignee as it was`, 'u'));
    assert.match(report.warnings.join('\n'), new RegExp(`${at(11).id}: 2 issues carry its marker \\(#${dup.number}, #${gh.issues.length - 1}\\)`, 'u'));
    assert.match(report.warnings.join('\n'), /CW-00000001: acme\/hotpass refused assignee mallory; created the issue unassigned/u);
    assert.deepEqual(issueFor('CW-00000001').assignees, []);
  });
});
