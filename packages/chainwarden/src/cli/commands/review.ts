import { currentActor } from '../../registry/actor.js';
import { buildReviewPack, parseSince, recordReview, reviewMarkdown } from '../../remediation/review.js';
import type { StoredRelease } from '../../remediation/review.js';
import { DEFAULT_STORE_PATH } from '../../store/artifact-store.js';
import { openStore } from '../../store/open-store.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { UsageError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import type { RegistryFlags } from './registry-open.js';
import { printJson, withRegistry } from './registry-open.js';
import { remediationNow } from './remediation-common.js';

interface Flags extends RegistryFlags {
  readonly since?: string;
  readonly format?: 'markdown' | 'json';
  readonly output?: string;
  readonly json?: boolean;
  readonly reviewer?: string;
  readonly role?: string;
  readonly note?: string;
}

export async function reviewCommand(flags: Flags, io: CliIo): Promise<number> {
  if (flags.since === undefined) throw new UsageError('review: --since <date> is required (the start of the period, YYYY-MM-DD)');
  const since = parseSince(flags.since);
  return withRegistry(flags, io, async ({ registry, projectDir }) => {
    const pack = await buildReviewPack(registry, since, remediationNow(io), await storedReleases(projectDir, io.env));
    const text = flags.json === true || flags.format === 'json' ? `${JSON.stringify(pack, null, 2)}\n` : reviewMarkdown(pack);
    if (flags.output !== undefined) {
      await writeFileAtomic(resolve(projectDir, flags.output), text);
      io.stderr.write(`review: pack for ${pack.since} to ${pack.asOf} written to ${flags.output}\n`);
    } else io.stdout.write(text);
    return 0;
  });
}

/** The evidence store's releases (under the project's configured store), for signing and provenance coverage. */
async function storedReleases(projectDir: string, env: NodeJS.ProcessEnv): Promise<StoredRelease[]> {
  const { loadConfig } = await import('../../core/config.js');
  const { config } = await loadConfig(projectDir);
  const path = config.store?.path ?? DEFAULT_STORE_PATH;
  if (!existsSync(resolve(projectDir, path))) return [];
  const store = openStore({ projectDir, ...(config.store !== undefined ? { config: config.store } : {}), env });
  return (await store.readAll()).map(({ index }) => ({
    release: index.release,
    created: index.entries.map((e) => e.created).sort()[0] ?? '',
    provenance: index.entries.some((e) => e.kind === 'provenance'),
    signed: index.entries.some((e) => e.kind === 'bundle'),
  }));
}

export async function reviewRecordCommand(flags: Flags, io: CliIo): Promise<number> {
  return withRegistry(flags, io, async ({ registry }) => {
    const now = remediationNow(io);
    const { seq } = await recordReview(registry, { reviewer: flags.reviewer ?? '', role: flags.role ?? '', ...(flags.note !== undefined ? { note: flags.note } : {}), actor: currentActor(io.env), now });
    if (flags.json === true) printJson(io, { seq, at: now.toISOString(), reviewer: flags.reviewer, role: flags.role });
    else io.stdout.write(`review: recorded (audit entry ${seq}) by ${flags.reviewer ?? ''} as ${flags.role ?? ''}\n`);
    return 0;
  });
}
