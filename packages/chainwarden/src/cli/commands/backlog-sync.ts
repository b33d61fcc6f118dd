import { resolve } from 'node:path';
import { isoSeconds, sourceDateEpoch } from '../../core/clock.js';
import { loadConfig } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { GitHubIssueTracker } from '../../remediation/tracker/github/client.js';
import { apiBaseUrl, parseRepo } from '../../remediation/tracker/github/repo.js';
import { DEFAULT_LINK_FILE, JsonFileTrackerLinkStore } from '../../remediation/tracker/json-link-store.js';
import type { TrackedItemProvider } from '../../remediation/tracker/provider.js';
import { jsonFileProvider } from '../../remediation/tracker/provider.js';
import type { SyncReport } from '../../remediation/tracker/sync.js';
import { syncBacklog } from '../../remediation/tracker/sync.js';
import type { TrackedItem } from '../../remediation/tracker/tracked-item.js';
import { TOOL_VERSION } from '../../core/version.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import { printJson, withRegistry } from './registry-open.js';

export interface BacklogSyncFlags {
  readonly github?: string;
  readonly apply?: boolean;
  readonly apiUrl?: string;
  readonly from?: string;
  readonly links?: string;
  readonly maxWait?: string;
  readonly json?: boolean;
  readonly databaseUrl?: string;
  readonly projectDir?: string;
}

export async function backlogSyncCommand(flags: BacklogSyncFlags, io: CliIo, loadProvider?: () => Promise<TrackedItemProvider>): Promise<number> {
  const projectDir = resolve(io.cwd, flags.projectDir ?? '.');
  const { config } = await loadConfig(projectDir);
  const settings = config.tracker ?? {};
  const github = flags.github ?? settings.github;
  if (github === undefined) throw new UsageError('backlog sync: --github <owner/repo> is required (or tracker.github in chainwarden.yaml)');
  const repo = parseRepo(github, flags.github !== undefined ? '--github' : 'chainwarden.yaml tracker.github');
  const apiUrl = apiBaseUrl(flags.apiUrl ?? settings['api-url'], io.env);
  const maxWait = flags.maxWait ?? String(settings['max-wait'] ?? 120);
  if (!/^\d+$/u.test(maxWait)) throw new UsageError(`--max-wait: expected whole seconds, got "${maxWait}"`);
  const token = io.env['GITHUB_TOKEN'] ?? io.env['GH_TOKEN'];
  if (flags.apply === true && (token === undefined || token === '')) throw new UsageError('backlog sync --apply needs a token with issues: write in GITHUB_TOKEN');
  const epoch = sourceDateEpoch(io.env);
  const now = (): Date => epoch ?? new Date();
  const today = isoSeconds(now()).slice(0, 10);

  const items = await loadItems(flags, io, projectDir, today, loadProvider);
  const linkFile = flags.links ?? settings.links ?? DEFAULT_LINK_FILE;
  const report = await syncBacklog({
    repo: `${repo.owner}/${repo.name}`,
    items,
    links: new JsonFileTrackerLinkStore(resolve(projectDir, linkFile), linkFile),
    ...(token !== undefined && token !== '' ? { tracker: new GitHubIssueTracker({ apiUrl, repo, token, maxWaitMs: Number(maxWait) * 1000, userAgent: `chainwarden/${TOOL_VERSION}` }) } : {}),
    apply: flags.apply === true,
    now,
  });
  if (flags.json === true) printJson(io, toJson(report, linkFile));
  else io.stdout.write(render(report, linkFile, io));
  return 0;
}

async function loadItems(flags: BacklogSyncFlags, io: CliIo, projectDir: string, today: string, loadProvider?: () => Promise<TrackedItemProvider>): Promise<TrackedItem[]> {
  if (flags.from !== undefined) return jsonFileProvider(resolve(io.cwd, flags.from), today)(projectDir, undefined);
  if (loadProvider === undefined) throw new UsageError('backlog sync: give the backlog with --from <backlog.json> (a JSON export of the backlog)');
  const provider = await loadProvider();
  return withRegistry(flags, io, ({ registry }) => provider(projectDir, registry));
}

function toJson(report: SyncReport, linkFile: string): unknown {
  return {
    repo: report.repo,
    mode: report.mode,
    online: report.online,
    counts: report.counts,
    actions: report.actions.map(({ fields: _fields, keep: _keep, ...a }) => a),
    incoming: report.incoming,
    warnings: report.warnings,
    links: { file: linkFile, saved: report.linksSaved },
  };
}

const VERB: Readonly<Record<string, string>> = { create: 'to create', update: 'to update', close: 'to close', reopen: 'to reopen', noop: 'unchanged' };
const DONE: Readonly<Record<string, string>> = { create: 'created', update: 'updated', close: 'closed', reopen: 'reopened', noop: 'unchanged' };

function render(report: SyncReport, linkFile: string, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const dry = report.mode === 'dry-run';
  const words = dry ? VERB : DONE;
  const c = report.counts;
  const lines = [
    `${s.bold('backlog sync')} ${report.repo} (${report.mode}, ${report.online ? 'online' : 'offline'}): ${(['create', 'update', 'close', 'reopen', 'noop'] as const).map((k) => `${c[k]} ${words[k] ?? k}`).join(', ')}; ${c.incoming} incoming`,
  ];
  const changed = report.actions.filter((a) => a.kind !== 'noop' || a.note !== undefined);
  if (changed.length > 0) {
    lines.push(
      table([
        ['ACTION', 'ENTRY', 'ISSUE', 'CHANGES', 'TITLE'],
        ...changed.map((a) => [
          a.kind,
          a.itemId,
          a.issue !== undefined ? `#${a.issue}` : '-',
          a.changes.length > 0 ? a.changes.join(',') : '-',
          `${a.title}${a.note !== undefined ? s.dim(` (${a.note})`) : ''}`,
        ]),
      ]),
    );
  }
  if (report.incoming.length > 0) {
    lines.push(s.bold('incoming') + ' (changes people made on GitHub; adopt them in the backlog):');
    lines.push(table([['ENTRY', 'ISSUE', 'PROPOSED', 'WHY', 'URL'], ...report.incoming.map((i) => [i.itemId, `#${i.issue}`, `${i.field}: ${i.from ?? '-'} → ${i.to ?? '-'}`, i.reason, i.url])]));
  }
  for (const w of report.warnings) lines.push(s.yellow(`warning: ${w}`));
  if (dry) lines.push(s.dim(`dry-run: nothing changed${report.online ? '' : ' and GitHub was not contacted'}; run with --apply (and GITHUB_TOKEN) to perform it`));
  else lines.push(`links: ${report.linksSaved} saved to ${linkFile}`);
  return `${lines.join('\n')}\n`;
}
