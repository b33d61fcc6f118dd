import { resolve } from 'node:path';
import { loadConfig } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { currentActor } from '../../registry/actor.js';
import type { Deletion } from '../../store/retention.js';
import { openStore } from '../../store/open-store.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import { openCliRegistry } from './registry-open.js';
import { formatSize } from './store.js';

export interface RetentionFlags {
  readonly dryRun?: boolean;
  readonly graceMinutes?: string;
  readonly store?: string;
  readonly databaseUrl?: string;
  readonly projectDir?: string;
  readonly json?: boolean;
}

/** The audit log's subject for a deletion: `store <release>/<name>`, `store blob <key>`, `store leftover <key>`. */
export function auditSubject(d: Deletion): string {
  return d.what === 'entry' ? `store ${d.release}/${d.name}` : d.what === 'blob' ? `store blob ${d.blob}` : `store leftover ${d.key}`;
}

function describe(d: Deletion): string[] {
  if (d.what === 'entry') return [d.supersededAt !== undefined ? 'superseded entry' : 'entry', `${d.release}/${d.name}`, `${d.kind}, expired ${d.expires}`];
  if (d.what === 'blob') return ['blob', d.blob, `${formatSize(d.size)}, ${d.reason}`];
  return ['leftover', d.key, d.reason];
}

export async function retentionPruneCommand(flags: RetentionFlags, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, flags.projectDir ?? '.');
  const { config } = await loadConfig(projectDir);
  let graceMinutes = config.store?.['orphan-grace-minutes'];
  if (flags.graceMinutes !== undefined) {
    graceMinutes = Number(flags.graceMinutes);
    if (!Number.isInteger(graceMinutes) || graceMinutes < 0) throw new UsageError(`--grace-minutes must be a whole number of minutes, got "${flags.graceMinutes}"`);
  }
  const store = openStore({ projectDir, env: io.env, ...(config.store !== undefined ? { config: config.store } : {}), ...(flags.store !== undefined ? { path: flags.store } : {}) });
  const [{ pruneStore }, { appendAudit }] = await Promise.all([import('../../store/retention.js'), import('../../registry/audit-log.js')]);
  // The registry is opened before anything is deleted: no deletion without its audit entry.
  const opened = flags.dryRun === true ? undefined : await openCliRegistry({ projectDir, ...(flags.databaseUrl !== undefined ? { databaseUrl: flags.databaseUrl } : {}) }, io);
  const actor = currentActor(io.env);
  let audited = 0;
  try {
    const report = await pruneStore(store, {
      dryRun: flags.dryRun === true,
      ...(graceMinutes !== undefined ? { graceMinutes } : {}),
      record: async (batch) => {
        if (opened === undefined) return;
        const { registry } = opened;
        const at = store.now();
        await registry.transaction(async (tx) => {
          for (const d of batch) await appendAudit(tx, registry.dialect, { actor, action: 'delete', subject: auditSubject(d), detail: { store: store.storage.location, ...d }, at });
        });
        audited += batch.length;
      },
    });
    if (flags.json === true) {
      io.stdout.write(`${JSON.stringify({ ...report, audited }, null, 2)}\n`);
      return 0;
    }
    const s = style(io.stdout, io.env);
    io.stdout.write(`${s.bold('retention prune')} ${report.store} (now ${report.now})${report.dryRun ? ', dry run: nothing deleted' : ''}\n`);
    if (report.deleted.length > 0) io.stdout.write(`${table(report.deleted.map((d) => [report.dryRun ? 'would delete' : 'deleted', ...describe(d)]))}\n`);
    for (const h of report.held) io.stdout.write(`  kept (legal hold, expired)  ${h}\n`);
    for (const b of report.stillReferenced) io.stdout.write(`  kept (an unexpired entry still references it)  ${b}\n`);
    const entries = report.deleted.filter((d) => d.what === 'entry').length;
    io.stdout.write(
      `${report.dryRun ? 'would delete' : 'deleted'} ${entries} expired entr${entries === 1 ? 'y' : 'ies'} and ${report.deleted.length - entries} file(s), ${formatSize(report.bytesFreed)}${report.dryRun ? '' : `; ${audited} audit log entr${audited === 1 ? 'y' : 'ies'}`}\n`,
    );
    return 0;
  } finally {
    await opened?.registry.close();
  }
}
