import { resolve } from 'node:path';
import { importAdvisories } from '../../advisories/import.js';
import { openAdvisoryStore } from '../../advisories/open-store.js';
import type { AdvisoryStore } from '../../advisories/store.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';

export async function advisoriesImportCommand(paths: readonly string[], flags: { advisoryCache?: string; databaseUrl?: string; json?: boolean }, io: CliIo): Promise<number> {
  const opened = await openAdvisoryStore({ projectDir: io.cwd, databaseUrl: flags.databaseUrl, env: io.env, advisoryCache: flags.advisoryCache });
  try {
    return await run(paths, flags, io, opened.store, opened.location);
  } finally {
    await opened.close();
  }
}

async function run(paths: readonly string[], flags: { json?: boolean }, io: CliIo, store: AdvisoryStore, location: string): Promise<number> {
  const tty = io.stderr.isTTY === true && flags.json !== true;
  const started = Date.now();
  const report = await importAdvisories(
    paths.map((p) => resolve(io.cwd, p)),
    store,
    {
      baseDir: io.cwd,
      onProgress: tty ? (done, total) => void io.stderr.write(`\rimporting advisories ${bar(done, total)} ${done}/${total}`) : undefined,
    },
  );
  if (tty) io.stderr.write('\n');
  const stats = await store.stats();
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify({ ...report, store: { path: location, ...stats } }, null, 2)}\n`);
    return 0;
  }
  const s = style(io.stdout, io.env);
  io.stdout.write(`${s.bold('advisories')} ${report.files} file(s) read in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  io.stdout.write(
    `${table([
      ['stored', `${report.added} new, ${report.updated} updated, ${report.unchanged} unchanged`],
      ['withdrawn', `${report.withdrawn} (kept for audit, never matched)`],
      ['malicious', `${report.malicious} MAL- record(s)`],
      ['rejected', `${report.rejected.length}`],
      ['store', `${location}: ${stats.records} records, ${stats.groups} vulnerabilities, ${stats.packages} packages`],
    ])}\n`,
  );
  for (const r of report.rejected.slice(0, 50)) io.stderr.write(`${s.yellow('rejected:')} ${r.file}: ${r.reason}\n`);
  if (report.rejected.length > 50) io.stderr.write(`… and ${report.rejected.length - 50} more (use --json for all)\n`);
  return 0;
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}
