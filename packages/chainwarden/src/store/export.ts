/**
 * `store export`: an auditor's evidence bundle for one release, as a folder:
 *
 *   <output>/index.json     the release's index, as stored (names, kinds, digests, sizes, created, expires, holds)
 *   <output>/files/<name>   every artefact under its original name
 *   <output>/SHA256SUMS     sha256sum format over both; `cd <output> && sha256sum -c SHA256SUMS` checks the bundle
 *
 * Every blob is re-hashed before it is written; a tampered or missing one stops the export (nothing is left behind:
 * the bundle is built in a temporary folder beside the output and renamed into place).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatChecksumLine } from '../attest/checksum-lines.js';
import { sha256Hex } from '../core/digest.js';
import type { ArtifactStore } from './artifact-store.js';
import { StoreError } from './errors.js';
import { serializeIndex } from './store-index.js';

export const EXPORT_INDEX = 'index.json';
export const EXPORT_FILES = 'files';
export const EXPORT_CHECKSUMS = 'SHA256SUMS';

export interface ExportResult {
  readonly release: string;
  /** As the caller named it. */
  readonly output: string;
  readonly files: readonly { readonly name: string; readonly path: string; readonly digest: string; readonly size: number }[];
  readonly checksums: string;
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

export async function exportRelease(store: ArtifactStore, release: string, output: string, shown: string = output): Promise<ExportResult> {
  const { index } = await store.requireIndex(release);
  const exists = await emptyOrAbsent(output, shown);
  const contents = [];
  for (const entry of index.entries) contents.push({ entry, content: await store.read(entry, release) });
  await mkdir(dirname(output), { recursive: true });
  const tmp = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const lines: string[] = [];
    for (const { entry, content } of contents) {
      const path = `${EXPORT_FILES}/${entry.name}`;
      await mkdir(dirname(join(tmp, ...path.split('/'))), { recursive: true });
      await writeFile(join(tmp, ...path.split('/')), content, { flag: 'wx' });
      lines.push(formatChecksumLine({ name: path, algorithm: 'sha256', digest: entry.digest.slice('sha256:'.length) }));
    }
    const indexText = serializeIndex(index);
    await writeFile(join(tmp, EXPORT_INDEX), indexText, { flag: 'wx' });
    lines.push(formatChecksumLine({ name: EXPORT_INDEX, algorithm: 'sha256', digest: sha256Hex(indexText) }));
    lines.sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1));
    await writeFile(join(tmp, EXPORT_CHECKSUMS), `${lines.join('\n')}\n`, { flag: 'wx' });
    if (exists) await rmdir(output);
    await rename(tmp, output);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  return {
    release,
    output: shown,
    files: contents.map(({ entry }) => ({ name: entry.name, path: `${EXPORT_FILES}/${entry.name}`, digest: entry.digest, size: entry.size })),
    checksums: EXPORT_CHECKSUMS,
  };
}
