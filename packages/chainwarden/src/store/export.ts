/**
 * `store export`: an auditor's evidence bundle for one release, as a folder:
 *
 *   <output>/index.json     the release's index, as stored (names, kinds, digests, sizes, created, expires, holds)
 *   <output>/files/<name>   every artefact under its original name
 *   <output>/SHA256SUMS     sha256sum format over both; `cd <output> && sha256sum -c SHA256SUMS` checks the bundle
 *
 * Every blob is re-hashed before it is written; a tampered or missing one stops the export (nothing is left behind:
 * the bundle is built in a temporary folder beside the output and renamed into place). An output ending in `.tar`
 * is the same bundle as a deterministic ustar archive (sorted, uid/gid 0, mode 0644, each file's mtime the entry's
 * created time, index.json's and SHA256SUMS' the latest of them), written atomically; an existing file is refused.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatChecksumLine } from '../attest/checksum-lines.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { sha256Hex } from '../core/digest.js';
import type { ArtifactStore } from './artifact-store.js';
import { StoreError } from './errors.js';
import { serializeIndex } from './store-index.js';
import type { TarFile } from './ustar.js';
import { ustar } from './ustar.js';

export const EXPORT_INDEX = 'index.json';
export const EXPORT_FILES = 'files';
export const EXPORT_CHECKSUMS = 'SHA256SUMS';

export interface ExportResult {
  readonly release: string;
  /** As the caller named it. */
  readonly output: string;
  readonly files: readonly { readonly name: string; readonly path: string; readonly digest: string; readonly size: number }[];
  readonly checksums: string;
  /** `folder`, or `tar` for an output ending in `.tar`. */
  readonly format: 'folder' | 'tar';
}

async function emptyOrAbsent(dir: string, shown: string): Promise<boolean> {
  try {
    const entries = await readdir(dir);
    if (entries.length > 0) throw new StoreError('STORE_CONFLICT', `${shown}: the output folder exists and is not empty (choose a new one)`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new StoreError('STORE_CONFLICT', `${shown}: exists and is not a folder`);
    throw error;
  }
}

/** The bundle's files, sorted by path: files/<name> (each with its entry's created time), index.json, SHA256SUMS. */
function bundle(index: Parameters<typeof serializeIndex>[0], contents: readonly { entry: { name: string; digest: string; created: string }; content: Uint8Array }[]): TarFile[] {
  const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
  const files: TarFile[] = contents.map(({ entry, content }) => ({ path: `${EXPORT_FILES}/${entry.name}`, content, mtime: seconds(entry.created) }));
  const latest = Math.max(0, ...files.map((f) => f.mtime));
  const indexText = Buffer.from(serializeIndex(index));
  const lines = [...contents.map(({ entry }) => ({ name: `${EXPORT_FILES}/${entry.name}`, digest: entry.digest.slice('sha256:'.length) })), { name: EXPORT_INDEX, digest: sha256Hex(indexText) }]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((l) => formatChecksumLine({ name: l.name, algorithm: 'sha256', digest: l.digest }));
  files.push({ path: EXPORT_INDEX, content: indexText, mtime: latest }, { path: EXPORT_CHECKSUMS, content: Buffer.from(`${lines.join('\n')}\n`), mtime: latest });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function writeFolder(files: readonly TarFile[], output: string, shown: string): Promise<void> {
  const exists = await emptyOrAbsent(output, shown);
  await mkdir(dirname(output), { recursive: true });
  const tmp = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    for (const file of files) {
      const path = join(tmp, ...file.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, { flag: 'wx' });
    }
    if (exists) await rmdir(output);
    await rename(tmp, output);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

async function writeTar(files: readonly TarFile[], output: string, shown: string): Promise<void> {
  const existing = await lstat(output).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined) throw new StoreError('STORE_CONFLICT', `${shown}: exists (choose a new file name)`);
  await mkdir(dirname(output), { recursive: true });
  await writeFileAtomic(output, ustar(files));
}

export async function exportRelease(store: ArtifactStore, release: string, output: string, shown: string = output): Promise<ExportResult> {
  const { index } = await store.requireIndex(release);
  const format = output.endsWith('.tar') ? 'tar' : 'folder';
  if (format === 'folder') await emptyOrAbsent(output, shown);
  const contents = [];
  for (const entry of index.entries) contents.push({ entry, content: await store.read(entry, release) });
  const files = bundle(index, contents);
  await (format === 'tar' ? writeTar(files, output, shown) : writeFolder(files, output, shown));
  return {
    release,
    output: shown,
    files: contents.map(({ entry }) => ({ name: entry.name, path: `${EXPORT_FILES}/${entry.name}`, digest: entry.digest, size: entry.size })),
    checksums: EXPORT_CHECKSUMS,
    format,
  };
}
