/**
 * A lock file beside what it protects: created exclusively (`wx`) with the holder's pid, host and time. A lock whose
 * holder is gone (same host, pid not running) or that is older than `staleMs` is broken; locks are held for
 * milliseconds (one read-compare-write), so an old lock means its holder crashed.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreError } from './errors.js';

export interface LockOptions {
  readonly timeoutMs?: number;
  readonly staleMs?: number;
  /** How messages name the lock (default: its path). */
  readonly display?: string;
}

interface LockBody {
  readonly pid: number;
  readonly host: string;
  readonly at: number;
  readonly nonce: string;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(path: string, staleMs: number): Promise<boolean> {
  let text: string;
  let mtime: number;
  try {
    [text, mtime] = await Promise.all([readFile(path, 'utf8'), stat(path).then((s) => s.mtimeMs)]);
  } catch {
    return false; // gone already: just try again
  }
  if (Date.now() - mtime > staleMs) return true;
  try {
    const body = JSON.parse(text) as Partial<LockBody>;
    return body.host === hostname() && typeof body.pid === 'number' && !running(body.pid);
  } catch {
    return false; // being written right now; the age check catches a holder that died mid-write
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `work` holding the lock at `path`; the lock is removed afterwards, whatever happens. */
export async function withFileLock<T>(path: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 30_000;
  const body: LockBody = { pid: process.pid, host: hostname(), at: Date.now(), nonce: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  const shown = options.display ?? path;
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o644);
      try {
        await handle.writeFile(JSON.stringify(body));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StoreError('STORE_BUSY', `${shown}: cannot create the lock file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
    }
    if (await isStale(path, staleMs)) {
      // Move it aside first so that only one waiter breaks it; the others find the path free or freshly taken.
      const aside = `${path}.${randomBytes(4).toString('hex')}.stale`;
      await rename(path, aside).then(() => rm(aside, { force: true }), () => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new StoreError('STORE_BUSY', `${shown}: still locked after ${Math.round(timeoutMs / 1000)} s by another chainwarden process (remove the file if no chainwarden is running)`);
    await sleep(Math.min(5 + attempt * 5, 50) + Math.random() * 10);
  }
  try {
    return await work();
  } finally {
    // Only our own lock: had it been broken as stale, the file now belongs to someone else.
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === JSON.stringify(body)) await rm(path, { force: true });
  }
}
