import type { ChainwardenConfig } from '../config-schema.js';
import { UsageError } from '../core/errors.js';
import type { DigestAlgorithm } from './file-digest.js';
import type { ProvenanceOptions } from './provenance.js';

/** The `chainwarden provenance` flags, as commander parses them. */
export interface ProvenanceFlags {
  readonly subject?: string[];
  readonly output?: string;
  readonly digest?: string[];
  readonly startedOn?: string;
  readonly builderId?: string;
  readonly redact?: string[];
  readonly allowEmpty?: boolean;
  readonly json?: boolean;
}

/** Parses an RFC 3339 timestamp (`2025-01-02T03:04:05Z`, offsets allowed). */
export function parseTimestamp(text: string, flag: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const date = new Date(text);
  if (!ok || Number.isNaN(date.getTime())) throw new UsageError(`${flag}: "${text}" is not an RFC 3339 timestamp (e.g. 2025-01-02T03:04:05Z)`);
  return date;
}

function digests(values: readonly string[] | undefined): DigestAlgorithm[] | undefined {
  if (values === undefined) return undefined;
  for (const v of values) if (v !== 'sha256' && v !== 'sha512') throw new UsageError(`--digest: "${v}" is not one of sha256, sha512`);
  return values as DigestAlgorithm[];
}

/** Merges chainwarden.yaml (`provenance`, and `sbom` for lockfiles and the SBOM path) with the flags (flags win). */
export function provenanceOptions(
  projectDir: string,
  config: ChainwardenConfig,
  flags: ProvenanceFlags,
  extra: { env: NodeJS.ProcessEnv; command?: readonly string[]; startedOn?: Date; fallbackSubjects?: readonly string[]; sboms?: readonly string[] },
): ProvenanceOptions {
  const p = config.provenance ?? {};
  const subjects = flags.subject !== undefined && flags.subject.length > 0 ? flags.subject : p.subject;
  const output = flags.output ?? p.output;
  const digest = digests(flags.digest ?? p.digest);
  const builderId = flags.builderId ?? p['builder-id'];
  const startedOn = flags.startedOn !== undefined ? parseTimestamp(flags.startedOn, '--started-on') : extra.startedOn;
  const sboms = extra.sboms ?? (config.sbom?.output !== undefined ? [config.sbom.output] : undefined);
  return {
    projectDir,
    env: extra.env,
    ...(subjects !== undefined ? { subjects } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(digest !== undefined ? { digests: digest } : {}),
    ...(builderId !== undefined ? { builderId } : {}),
    ...(startedOn !== undefined ? { startedOn } : {}),
    redact: [...(p.redact ?? []), ...(flags.redact ?? [])],
    allowEmpty: flags.allowEmpty ?? p['allow-empty'] ?? false,
    ...(extra.command !== undefined ? { command: extra.command } : {}),
    ...(extra.fallbackSubjects !== undefined ? { fallbackSubjects: extra.fallbackSubjects } : {}),
    ...(sboms !== undefined ? { sboms } : {}),
    ...(config.sbom?.lockfiles !== undefined ? { lockfiles: config.sbom.lockfiles } : {}),
    ...(config.sbom?.exclude !== undefined ? { lockfileExclude: config.sbom.exclude } : {}),
  };
}
