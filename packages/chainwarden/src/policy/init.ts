/** `chainwarden policy init`: writes the starter library into policy/ without overwriting anything (unless forced). */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { UsageError } from '../core/errors.js';
import { STARTER_POLICY } from './starter/index.js';

export interface PolicyInitResult {
  readonly dir: string;
  readonly written: readonly string[];
}

export async function initPolicy(dir: string, baseDir: string, opts: { force?: boolean } = {}): Promise<PolicyInitResult> {
  const abs = resolve(baseDir, dir);
  const names = Object.keys(STARTER_POLICY).sort();
  const existing = names.filter((n) => existsSync(join(abs, n)));
  if (existing.length > 0 && opts.force !== true) throw new UsageError(`${dir}: already has ${existing.join(', ')}; nothing written (use --force to overwrite)`);
  await mkdir(abs, { recursive: true });
  for (const name of names) await writeFileAtomic(join(abs, name), STARTER_POLICY[name] as string);
  return { dir, written: names.map((n) => `${dir.replace(/\/+$/, '')}/${n}`) };
}
