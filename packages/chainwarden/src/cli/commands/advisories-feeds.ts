import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { IoError } from '../../core/errors.js';
import { currentActor } from '../../registry/actor.js';
import { epssText, parseEpssCsv } from '../../remediation/feeds/epss.js';
import { parseKevCatalog } from '../../remediation/feeds/kev.js';
import type { FeedImportReport } from '../../remediation/feeds/store.js';
import { importEpss, importKev } from '../../remediation/feeds/store.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import type { RegistryFlags } from './registry-open.js';
import { printJson, withRegistry } from './registry-open.js';

interface FeedFlags extends RegistryFlags {
  readonly json?: boolean;
  readonly allowOlder?: boolean;
  readonly merge?: boolean;
}

async function readInput(file: string, io: CliIo): Promise<{ bytes: Buffer; shown: string }> {
  const path = resolve(io.cwd, file);
  const shown = relative(io.cwd, path) || file;
  try {
    return { bytes: await readFile(path), shown };
  } catch (error) {
    throw new IoError(`${shown}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

export async function importKevCommand(file: string, flags: FeedFlags, io: CliIo): Promise<number> {
  const { bytes, shown } = await readInput(file, io);
  const catalog = parseKevCatalog(bytes.toString('utf8'), shown);
  const report = await withRegistry(flags, io, ({ registry }) => importKev(registry, catalog, { source: shown, bytes, actor: currentActor(io.env), now: new Date(), allowOlder: flags.allowOlder === true }));
  render(report, flags, io, 'KEV catalog', 'vulnerabilities');
  return 0;
}

export async function importEpssCommand(file: string, flags: FeedFlags, io: CliIo): Promise<number> {
  const { bytes, shown } = await readInput(file, io);
  const parsed = parseEpssCsv(epssText(bytes, shown), shown);
  const report = await withRegistry(flags, io, ({ registry }) =>
    importEpss(registry, parsed, { source: shown, bytes, actor: currentActor(io.env), now: new Date(), allowOlder: flags.allowOlder === true, mode: flags.merge === true ? 'merge' : 'replace' }),
  );
  render(report, flags, io, 'EPSS scores', 'CVEs');
  return 0;
}

function render(report: FeedImportReport, flags: FeedFlags, io: CliIo, what: string, unit: string): void {
  if (flags.json === true) {
    printJson(io, report);
    return;
  }
  const s = style(io.stdout, io.env);
  io.stdout.write(`${s.bold(what)} ${report.version} from ${report.source}: ${report.entries} ${unit} stored (${report.mode})\n`);
  io.stdout.write(
    `${table([
      ['added', String(report.added)],
      ['updated', String(report.updated)],
      ['removed', String(report.removed)],
      ['unchanged', String(report.unchanged)],
      ['previous', report.previous ?? '(none)'],
    ])}\n`,
  );
}
