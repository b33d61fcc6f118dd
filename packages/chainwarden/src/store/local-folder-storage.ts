/**
 * ArtifactStorage in a local folder (the default: `data/artifacts/supply-chain/` in the project). A key is a path
 * under the root; every write is a temporary file beside the target, flushed and renamed over it, so a crash leaves
 * the old object or the new one, plus at most a hidden `.…tmp` file that reads and listings ignore. Conditional
 * writes take a lock file (`.<name>.lock`) for the read-compare-rename. Symbolic links inside the store are refused.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { sha256Hex } from '../core/digest.js';
import { IoError } from '../core/errors.js';
import { StoreError } from './errors.js';
import { withFileLock } from './file-lock.js';
import { keyProblem } from './keys.js';
import type { ArtifactStorage, StoredObject, VersionedContent } from './storage.js';

const LEFTOVER = /^\..*\.(tmp|lock|stale)$/u;

export class LocalFolderStorage implements ArtifactStorage {
  readonly root: string;

  /** `root` absolute; `location` how messages name it (e.g. relative to the project). */
  constructor(
    root: string,
    readonly location: string = root,
  ) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    const problem = keyProblem(key);
    const path = resolve(this.root, ...key.split('/'));
    const rel = relative(this.root, path);
    if (problem !== undefined || rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) {
      throw new StoreError('STORE_INVALID', `${this.location}: key ${JSON.stringify(key)} ${problem ?? 'escapes the store root'}`);
    }
    return path;
  }

  private lockKey(key: string): string {
    const parts = key.split('/');
    const last = parts.pop() ?? key;
    return [...parts, `.${last}.lock`].join('/');
  }

  async put(key: string, content: Uint8Array): Promise<void> {
    const path = this.path(key);
    await this.refuseLink(key, path);
    try {
      await writeFileAtomic(path, content);
    } catch (error) {
      throw new IoError(`${this.location}/${key}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const path = this.path(key);
    let handle;
    try {
      // O_NOFOLLOW: a symbolic link planted in the store must not make chainwarden read (and hand out) another file.
      handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
      return await handle.readFile();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'ELOOP') throw new StoreError('STORE_INVALID', `${this.location}/${key}: is a symbolic link (refused: it may point outside the store root)`, { cause: error });
      throw new IoError(`${this.location}/${key}: cannot read (${code ?? String(error)})`, { cause: error });
    } finally {
      await handle?.close();
    }
  }

  async stat(key: string): Promise<StoredObject | undefined> {
    const s = await lstat(this.path(key)).catch(() => undefined);
    return s === undefined ? undefined : { key, size: s.size, modified: s.mtime };
  }

  async getVersioned(key: string): Promise<VersionedContent | undefined> {
    const content = await this.get(key);
    return content === undefined ? undefined : { content, version: sha256Hex(content) };
  }

  putIfMatch(key: string, content: Uint8Array, expected: string | undefined): Promise<boolean> {
    const path = this.path(key);
    return this.locked(key, async () => {
      const current = await this.getVersioned(key);
      if (current?.version !== expected) return false;
      await this.refuseLink(key, path);
      await writeFileAtomic(path, content);
      return true;
    });
  }

  deleteIfMatch(key: string, expected: string): Promise<boolean> {
    return this.locked(key, async () => {
      const current = await this.getVersioned(key);
      if (current?.version !== expected) return false;
      return this.delete(key);
    });
  }

  async delete(key: string): Promise<boolean> {
    const path = this.path(key);
    try {
      await lstat(path);
    } catch {
      return false;
    }
    await rm(path, { force: true });
    return true;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const out: StoredObject[] = [];
    // Start at the deepest folder the prefix names (blobs/sha256/ab/ lists one folder, not the store).
    const slash = prefix.lastIndexOf('/');
    const start = slash > 0 ? prefix.slice(0, slash) : '';
    if (start !== '') this.path(start);
    await this.walk(start, async (key, full) => {
      if (!key.startsWith(prefix)) return;
      const s = await lstat(full);
      out.push({ key, size: s.size, modified: s.mtime });
    }, (name) => !name.startsWith('.'));
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async leftovers(): Promise<StoredObject[]> {
    const out: StoredObject[] = [];
    await this.walk('', async (key, full) => {
      const s = await lstat(full).catch(() => undefined);
      if (s !== undefined) out.push({ key, size: s.size, modified: s.mtime });
    }, (name) => LEFTOVER.test(name));
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async removeLeftovers(before: Date): Promise<string[]> {
    const removed: string[] = [];
    await this.walk('', async (key, full) => {
      const s = await lstat(full).catch(() => undefined);
      if (s === undefined || s.mtime >= before) return;
      await rm(full, { force: true });
      removed.push(key);
    }, (name) => LEFTOVER.test(name));
    return removed.sort();
  }

  private locked<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lock = this.lockKey(key);
    return withFileLock(join(this.root, ...lock.split('/')), work, { display: `${this.location}/${lock}` });
  }

  private async refuseLink(key: string, path: string): Promise<void> {
    const s = await lstat(path).catch(() => undefined);
    if (s?.isSymbolicLink() === true) throw new StoreError('STORE_INVALID', `${this.location}/${key}: is a symbolic link (refused: it may point outside the store root)`);
  }

  /** Visits files (and symbolic links) under the root whose name passes `want`; hidden directories are skipped. */
  private async walk(dirKey: string, visit: (key: string, full: string) => Promise<void>, want: (name: string) => boolean): Promise<void> {
    const dir = dirKey === '' ? this.root : join(this.root, ...dirKey.split('/'));
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new IoError(`${this.location}/${dirKey}: cannot list (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
    }
    for (const e of entries) {
      const key = dirKey === '' ? e.name : `${dirKey}/${e.name}`;
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) await this.walk(key, visit, want);
      } else if (want(e.name)) {
        await visit(key, join(dir, e.name));
      }
    }
  }
}
