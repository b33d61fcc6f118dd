import type { Command } from 'commander';
import type { TrackedItemProvider } from '../../remediation/tracker/provider.js';
import type { DefineContext } from './context.js';
import { registryOptions } from './registry-options.js';

export interface BacklogSyncDefinition {
  /** Loads the provider of backlog items from the registry (used when --from is not given). */
  readonly loadProvider?: () => Promise<TrackedItemProvider>;
}

/** Registers `sync` on the `backlog` command: `chainwarden backlog sync --github owner/repo [--apply]`. */
export function defineBacklogSync(backlog: Command, { io, setExitCode }: Omit<DefineContext, 'program'>, definition: BacklogSyncDefinition = {}): Command {
  return registryOptions(
    backlog
      .command('sync')
      .description('Create, update and close GitHub issues for backlog entries; read back issues people closed or reassigned (dry-run unless --apply)')
      .option('--github <owner/repo>', 'the GitHub repository holding the issues (or tracker.github in chainwarden.yaml)')
      .option('--apply', 'perform the changes (needs GITHUB_TOKEN); without it, print what would change')
      .option('--api-url <url>', 'REST API base URL (default: $GITHUB_API_URL, else https://api.github.com; GitHub Enterprise: https://HOST/api/v3)')
      .option('--from <backlog.json>', 'read the backlog from a JSON export (chainwarden backlog export --format json) instead of the registry')
      .option('--links <path>', 'where links between entries and issues are kept, relative to the project directory (default data/tracker/links.json)')
      .option('--max-wait <seconds>', 'longest total wait for GitHub rate limits before giving up (default 120)'),
  )
    .addHelpText(
      'after',
      `
Each entry becomes one issue, marked by a hidden first line <!-- chainwarden:CW-… --> and the label
"chainwarden". Open and in-progress entries are open issues; resolved entries are closed as completed, accepted
and not-affected ones as not planned. Changes people make on GitHub are read back, never overwritten: an issue
closed as completed proposes "resolved", closed as not planned proposes "accepted", reopened proposes "open",
an assignee proposes a new owner.

Settings: chainwarden.yaml section "tracker" (github, api-url, links, max-wait); flags override it.
Without GITHUB_TOKEN the plan is made offline from the saved links (entries without a link show as creates).

Exit codes: 0 planned or synced, 2 bad input, usage, token or repository (401/403/404/422),
3 GitHub failed or rate limits outlasted --max-wait.

Examples:
  $ chainwarden backlog sync --github acme/hotpass --from backlog.json
  $ GITHUB_TOKEN=… chainwarden backlog sync --github acme/hotpass --from backlog.json --apply
  $ chainwarden backlog sync --github acme/hotpass --api-url https://ghe.example.com/api/v3 --json`,
    )
    .action(async (flags: Record<string, unknown>) => {
      const { backlogSyncCommand } = await import('../commands/backlog-sync.js');
      setExitCode(await backlogSyncCommand(flags, io, definition.loadProvider));
    });
}
