import { relative, resolve } from 'node:path';
import { DEFAULT_ADVISORY_CACHE } from '../../advisories/file-store.js';
import { importAdvisories } from '../../advisories/import.js';
import { importTarget, scanAdvisories } from '../../advisories/registry-advisories.js';
import type { ProductChange } from '../../findings/rematch.js';
import { rematchProducts } from '../../findings/rematch.js';
import { currentActor } from '../../registry/actor.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import { withRegistry } from './registry-open.js';

export interface AdvisoriesImportFlags {
  readonly advisoryCache?: string;
  readonly databaseUrl?: string;
  readonly projectDir?: string;
  readonly json?: boolean;
}

export async function advisoriesImportCommand(paths: readonly string[], flags: AdvisoriesImportFlags, io: CliIo): Promise<number> {
  return withRegistry(flags, io, async ({ registry, projectDir }) => {
    const cachePath = resolve(projectDir, flags.advisoryCache ?? DEFAULT_ADVISORY_CACHE);
    const cacheShown = relative(io.cwd, cachePath) || cachePath;
    const tty = io.stderr.isTTY === true && flags.json !== true;
    const started = Date.now();
    const target = await importTarget(registry, cachePath);
    const report = await importAdvisories(
      paths.map((p) => resolve(io.cwd, p)),
      target.store,
      {
        baseDir: io.cwd,
        onProgress: tty ? (done, total) => void io.stderr.write(`\rimporting advisories ${bar(done, total)} ${done}/${total}`) : undefined,
      },
    );
    await target.finish();
    if (tty) io.stderr.write('\n');
    const imported = Date.now();
    const { store } = await scanAdvisories(registry, cachePath);
    const stats = await store.stats();
    const rematch = await rematchProducts(registry, store, { actor: currentActor(io.env), now: new Date() });
    if (flags.json === true) {
      io.stdout.write(`${JSON.stringify({ ...report, store: { path: cacheShown, registry: registry.location, ...stats }, rematch }, null, 2)}\n`);
      return 0;
    }
    const s = style(io.stdout, io.env);
    io.stdout.write(`${s.bold('advisories')} ${report.files} file(s) read in ${((imported - started) / 1000).toFixed(1)} s\n`);
    io.stdout.write(
      `${table([
        ['stored', `${report.added} new, ${report.updated} updated, ${report.unchanged} unchanged`],
        ['withdrawn', `${report.withdrawn} (kept for audit, never matched)`],
        ['malicious', `${report.malicious} MAL- record(s)`],
        ['rejected', `${report.rejected.length}`],
        ['registry', `${registry.location}: ${stats.records} records, ${stats.groups} vulnerabilities, ${stats.packages} packages`],
        ['cache', cacheShown],
      ])}\n`,
    );
    for (const r of report.rejected.slice(0, 50)) io.stderr.write(`${s.yellow('rejected:')} ${r.file}: ${r.reason}\n`);
    if (report.rejected.length > 50) io.stderr.write(`… and ${report.rejected.length - 50} more (use --json for all)\n`);
    io.stdout.write(renderRematch(rematch, s));
    return 0;
  });
}

function renderRematch(changes: readonly ProductChange[], s: ReturnType<typeof style>): string {
  if (changes.length === 0) return `${s.bold('re-matched')} no product in the registry yet\n`;
  const changed = changes.filter((c) => c.gained.length + c.lost.length > 0);
  const lines = [`${s.bold('re-matched')} ${changes.length} product(s) (latest versions, scans recorded): ${changed.length} changed`];
  for (const c of changes) {
    const head = `  ${c.product}@${c.version}: ${c.open} open, ${c.gained.length} gained, ${c.lost.length} lost${c.previous === undefined ? ' (first scan)' : ` since scan ${c.previous.scan}`}`;
    lines.push(c.gained.length + c.lost.length > 0 ? head : s.dim(head));
    for (const g of c.gained.slice(0, 20)) lines.push(`    ${s.red('+')} ${g.vulnerability} ${g.component}`);
    if (c.gained.length > 20) lines.push(s.dim(`    … and ${c.gained.length - 20} more gained (see --json)`));
    for (const l of c.lost.slice(0, 20)) lines.push(`    ${s.green('-')} ${l.vulnerability} ${l.component}`);
    if (c.lost.length > 20) lines.push(s.dim(`    … and ${c.lost.length - 20} more lost (see --json)`));
  }
  return `${lines.join('\n')}\n`;
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}
