import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KEY_PASSWORD_ENV, generateSigningKeyPair } from '../../attest/keys.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { UsageError } from '../../core/errors.js';
import type { CliIo } from '../io.js';

/** Writes a secret atomically, readable by the owner only from the first byte (never 0644, even briefly). */
async function writeSecretAtomic(target: string, content: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}

export async function keygenCommand(flags: { outputPrefix: string; unencrypted?: boolean; force?: boolean; json?: boolean }, io: CliIo): Promise<number> {
  const password = io.env[KEY_PASSWORD_ENV];
  const pair = generateSigningKeyPair({ ...(password !== undefined ? { password } : {}), unencrypted: flags.unencrypted === true });
  const keyFile = `${flags.outputPrefix}.key`;
  const pubFile = `${flags.outputPrefix}.pub`;
  for (const f of [keyFile, pubFile]) {
    if (flags.force !== true && (await exists(resolve(io.cwd, f)))) throw new UsageError(`${f} exists: pass --force to overwrite it (the old key is lost)`);
  }
  await writeSecretAtomic(resolve(io.cwd, keyFile), pair.privateKeyPem);
  await writeFileAtomic(resolve(io.cwd, pubFile), pair.publicKeyPem);
  const encrypted = flags.unencrypted !== true;
  const summary = { privateKey: keyFile, publicKey: pubFile, algorithm: 'ECDSA P-256', encrypted, keyHint: pair.hint };
  if (flags.json === true) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    io.stdout.write(
      `wrote ${keyFile} (private, ECDSA P-256, ${encrypted ? `encrypted with ${KEY_PASSWORD_ENV}` : 'UNENCRYPTED'}) and ${pubFile} (public)\nkey id  ${pair.hint}\n`,
    );
  }
  return 0;
}
