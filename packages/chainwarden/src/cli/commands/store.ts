import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { loadConfig } from '../../core/config.js';
import { IoError, UsageError } from '../../core/errors.js';
import { currentActor } from '../../registry/actor.js';
import type { ArtifactStore } from '../../store/artifact-store.js';
import type { ArtifactKind } from '../../store/kinds.js';
import { openStore } from '../../store/open-store.js';
import type { StoreEntry } from '../../store/store-index.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import type { OpenedRegistry } from './registry-open.js';
import { openCliRegistry } from './registry-open.js';

export interface StoreFlags {
  readonly store?: string;
  readonly projectDir?: string;
  readonly json?: boolean;
}

interface OpenedStore {
  readonly store: ArtifactStore;
  readonly projectDir: string;
}

async function open(flags: StoreFlags, io: CliIo): Promise<OpenedStore> {
  const projectDir = resolve(io.cwd, flags.projectDir ?? '.');
  const { config } = await loadConfig(projectDir);
  const store = openStore({ projectDir, env: io.env, ...(config.store !== undefined ? { config: config.store } : {}), ...(flags.store !== undefined ? { path: flags.store } : {}) });
  return { store, projectDir };
}

function json(io: CliIo, value: unknown): number {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit] ?? ''}`;
}

const short = (digest: string): string => `${digest.slice(0, 'sha256:'.length + 12)}…`;
const day = (iso: string): string => iso.slice(0, 10);

function entryRows(entries: readonly StoreEntry[]): string[][] {
  return [['KIND', 'NAME', 'SIZE', 'DIGEST', 'CREATED', 'EXPIRES', 'HOLD'], ...entries.map((e) => [e.kind, e.name, formatSize(e.size), short(e.digest), day(e.created), day(e.expires), e.hold !== undefined ? `held: ${e.hold.reason}` : ''])];
}

/** Entry name of a file given on the command line: its path relative to the project, or its file name when outside. */
function entryName(projectDir: string, file: string): string {
  const rel = relative(projectDir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : basename(file);
}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number of days (at least 1), got "${value}"`);
  return n;
}

export async function storePutCommand(files: readonly string[], flags: StoreFlags & { release: string; kind?: ArtifactKind; hold?: string; replace?: boolean; retentionDays?: string }, io: CliIo): Promise<number> {
  const { store, projectDir } = await open(flags, io);
  const retentionDays = positiveInteger(flags.retentionDays, '--retention-days');
  const items = await Promise.all(
    files.map(async (file) => {
      const path = resolve(io.cwd, file);
      const content = await readFile(path).catch((error: unknown) => {
        throw new IoError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
      });
      return { name: entryName(projectDir, path), content, ...(flags.kind !== undefined ? { kind: flags.kind } : {}) };
    }),
  );
  const result = await store.put(flags.release, items, {
    replace: flags.replace === true,
    ...(flags.hold !== undefined ? { hold: { reason: flags.hold, by: currentActor(io.env) } } : {}),
    ...(retentionDays !== undefined ? { retentionDays } : {}),
  });
  if (flags.json === true) return json(io, result);
  const s = style(io.stdout, io.env);
  io.stdout.write(`${s.bold('store')} ${result.entries.length} file(s) in release ${result.release} (${result.index})\n`);
  io.stdout.write(`${table(result.entries.map((e) => [e.status, e.kind, e.name, formatSize(e.size), short(e.digest), `expires ${day(e.expires)}`, e.hold !== undefined ? `held: ${e.hold.reason}` : '']))}\n`);
  return 0;
}

export async function storeListCommand(flags: StoreFlags & { release?: string }, io: CliIo): Promise<number> {
  if (flags.release !== undefined) return storeShowCommand(flags.release, flags, io);
  const { store } = await open(flags, io);
  const releases = (await store.readAll()).map(({ index }) => {
    const expires = index.entries.map((e) => e.expires).sort();
    return {
      release: index.release,
      entries: index.entries.length,
      size: index.entries.reduce((n, e) => n + e.size, 0),
      created: index.entries.map((e) => e.created).sort()[0] ?? '',
      firstExpiry: expires[0] ?? '',
      held: index.entries.filter((e) => e.hold !== undefined).length,
    };
  });
  if (flags.json === true) return json(io, { store: store.storage.location, releases });
  if (releases.length === 0) {
    io.stdout.write(`no releases in ${store.storage.location} (store some: chainwarden store put <files...> --release <id>, or chainwarden run)\n`);
    return 0;
  }
  io.stdout.write(`${style(io.stdout, io.env).bold('store')} ${store.storage.location}: ${releases.length} release(s)\n`);
  io.stdout.write(`${table([['RELEASE', 'ENTRIES', 'SIZE', 'CREATED', 'FIRST EXPIRY', 'HELD'], ...releases.map((r) => [r.release, String(r.entries), formatSize(r.size), day(r.created), day(r.firstExpiry), String(r.held)])])}\n`);
  return 0;
}

export async function storeShowCommand(release: string, flags: StoreFlags, io: CliIo): Promise<number> {
  const { store } = await open(flags, io);
  const { index, key } = await store.requireIndex(release);
  const superseded = index.superseded ?? [];
  if (flags.json === true) return json(io, { store: store.storage.location, index: store.display(key), release: index.release, entries: index.entries, superseded });
  io.stdout.write(`${style(io.stdout, io.env).bold(`release ${index.release}`)} ${index.entries.length} entr${index.entries.length === 1 ? 'y' : 'ies'} (${store.display(key)})\n`);
  io.stdout.write(`${table(entryRows(index.entries))}\n`);
  if (superseded.length > 0) {
    io.stdout.write(`superseded (replaced, kept until they expire): ${superseded.length}\n`);
    io.stdout.write(`${table([['KIND', 'NAME', 'SIZE', 'DIGEST', 'CREATED', 'SUPERSEDED', 'BY', 'EXPIRES'], ...superseded.map((e) => [e.kind, e.name, formatSize(e.size), short(e.digest), day(e.created), e.supersededAt, short(e.supersededBy), day(e.expires)])])}\n`);
  }
  return 0;
}

export async function storeGetCommand(release: string, name: string, flags: StoreFlags & { output?: string }, io: CliIo): Promise<number> {
  if (flags.json === true && flags.output === undefined) throw new UsageError('store get: --json needs --output (without it the artefact itself goes to stdout)');
  const { store, projectDir } = await open(flags, io);
  const { index } = await store.requireIndex(release);
  const entry = store.findEntry(index, name);
  const content = await store.read(entry, release);
  if (flags.output === undefined) {
    io.stdout.write(Buffer.from(content) as unknown as string);
    return 0;
  }
  await writeFileAtomic(resolve(projectDir, flags.output), content);
  if (flags.json === true) return json(io, { release, name: entry.name, kind: entry.kind, digest: entry.digest, size: entry.size, output: flags.output });
  io.stdout.write(`${entry.name} (${entry.kind}, ${formatSize(entry.size)}, ${entry.digest}, digest checked) -> ${flags.output}\n`);
  return 0;
}

export async function storeVerifyCommand(release: string | undefined, flags: StoreFlags, io: CliIo): Promise<number> {
  const { store } = await open(flags, io);
  const { verifyStore } = await import('../../store/verify.js');
  const result = await verifyStore(store, release);
  const code = result.ok ? 0 : 1;
  if (flags.json === true) {
    json(io, result);
    return code;
  }
  const s = style(io.stdout, io.env);
  io.stdout.write(`${s.bold('store verify')} ${result.store}: ${result.releases.length} release(s), ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}, ${result.blobs} blob(s) re-hashed\n`);
  if (result.problems.length > 0) {
    io.stdout.write(
      `${table(
        result.problems.map((p) => [
          s.red(p.problem.toUpperCase()),
          p.entries.length > 0 ? p.entries.join(', ') : '(no entry)',
          p.blob,
          p.actual !== undefined ? `hashes to ${short(p.actual)}, expected ${short(p.expected ?? '?')}` : (p.detail ?? ''),
        ]),
      )}\n`,
    );
  }
  io.stdout.write(result.ok ? `${s.green('ok')}: every blob matches its digest\n` : `${s.red('FAILED')}: ${result.problems.length} problem(s); the evidence above cannot be trusted\n`);
  if (result.unreferenced.length > 0) io.stdout.write(`note: ${result.unreferenced.length} unreferenced blob(s) (retention prune removes them)\n`);
  if (result.leftovers.length > 0) io.stdout.write(`note: ${result.leftovers.length} leftover(s) of interrupted writes, ignored: ${result.leftovers.join(', ')} (retention prune removes them)\n`);
  return code;
}

export async function storeExportCommand(release: string, flags: StoreFlags & { output: string }, io: CliIo): Promise<number> {
  const { store, projectDir } = await open(flags, io);
  const { exportRelease } = await import('../../store/export.js');
  const result = await exportRelease(store, release, resolve(projectDir, flags.output), flags.output);
  if (flags.json === true) return json(io, result);
  const s = style(io.stdout, io.env);
  if (result.format === 'tar') {
    io.stdout.write(`${s.bold('store export')} release ${release}: ${result.files.length} file(s) -> ${result.output} (ustar: files/, index.json, ${result.checksums})\n`);
    io.stdout.write(`check it with: mkdir bundle && tar -xf ${result.output} -C bundle && cd bundle && sha256sum -c ${result.checksums}\n`);
    return 0;
  }
  io.stdout.write(`${s.bold('store export')} release ${release}: ${result.files.length} file(s) -> ${result.output}/ (files/, index.json, ${result.checksums})\n`);
  io.stdout.write(`check it with: cd ${result.output} && sha256sum -c ${result.checksums}\n`);
  return 0;
}

/** Writes one audit entry per changed entry (action `hold` / `release-hold`, subject `store <release>/<name>`). */
async function auditHolds(opened: OpenedRegistry, store: ArtifactStore, action: 'hold' | 'release-hold', release: string, changed: readonly StoreEntry[], reasonOf: (e: StoreEntry) => string | undefined, actor: string): Promise<void> {
  if (changed.length === 0) return;
  const { appendAudit } = await import('../../registry/audit-log.js');
  const { registry } = opened;
  const at = store.now();
  await registry.transaction(async (tx) => {
    for (const e of changed) {
      const reason = reasonOf(e);
      const detail = { store: store.storage.location, release, name: e.name, kind: e.kind, digest: e.digest, ...(reason !== undefined ? { reason } : {}) };
      await appendAudit(tx, registry.dialect, { actor, action, subject: `store ${release}/${e.name}`, detail, at });
    }
  });
}

export async function storeHoldCommand(release: string, names: readonly string[], flags: StoreFlags & { reason: string; databaseUrl?: string }, io: CliIo): Promise<number> {
  if (flags.reason.trim() === '') throw new UsageError('store hold: --reason must say why');
  const { store } = await open(flags, io);
  const since = new Date(store.now().getTime()).toISOString().replace(/\.\d{3}Z$/u, 'Z');
  const actor = currentActor(io.env);
  // The registry is opened first: no hold without its audit entry.
  const opened = await openCliRegistry({ ...(flags.projectDir !== undefined ? { projectDir: flags.projectDir } : {}), ...(flags.databaseUrl !== undefined ? { databaseUrl: flags.databaseUrl } : {}) }, io);
  try {
    const changed = await store.setHold(release, names, { reason: flags.reason, since, by: actor });
    await auditHolds(opened, store, 'hold', release, changed, () => flags.reason, actor);
    if (flags.json === true) return json(io, { release, held: changed, audited: changed.length });
    io.stdout.write(`release ${release}: ${changed.length} entr${changed.length === 1 ? 'y' : 'ies'} put on legal hold (${flags.reason}); ${changed.length} audit log entr${changed.length === 1 ? 'y' : 'ies'}\n`);
    return 0;
  } finally {
    await opened.registry.close();
  }
}

export async function storeReleaseHoldCommand(release: string, names: readonly string[], flags: StoreFlags & { databaseUrl?: string }, io: CliIo): Promise<number> {
  const { store } = await open(flags, io);
  const opened = await openCliRegistry({ ...(flags.projectDir !== undefined ? { projectDir: flags.projectDir } : {}), ...(flags.databaseUrl !== undefined ? { databaseUrl: flags.databaseUrl } : {}) }, io);
  try {
    const before = new Map((await store.requireIndex(release)).index.entries.map((e) => [e.name, e.hold?.reason]));
    const changed = await store.setHold(release, names, undefined);
    await auditHolds(opened, store, 'release-hold', release, changed, (e) => before.get(e.name), currentActor(io.env));
    if (flags.json === true) return json(io, { release, released: changed, audited: changed.length });
    io.stdout.write(`release ${release}: ${changed.length} entr${changed.length === 1 ? 'y' : 'ies'} taken off legal hold; ${changed.length} audit log entr${changed.length === 1 ? 'y' : 'ies'}\n`);
    return 0;
  } finally {
    await opened.registry.close();
  }
}
