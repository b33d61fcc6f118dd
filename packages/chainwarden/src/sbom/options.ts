import type { SbomConfig } from '../config-schema.js';
import { UsageError } from '../core/errors.js';
import { isSpecVersion } from './cyclonedx/spec.js';
import { isSbomFormat } from './formats.js';
import type { SbomOptions } from './generate.js';

/** The `chainwarden sbom` flags, as commander parses them. */
export interface SbomFlags {
  readonly output?: string;
  readonly format?: string;
  readonly specVersion?: string;
  readonly excludeDev?: boolean;
  readonly lockfile?: string[];
  readonly json?: boolean;
}

/** Merges chainwarden.yaml's `sbom` section with the flags (flags win) into library options. */
export function sbomOptions(projectDir: string, config: SbomConfig | undefined, flags: SbomFlags, env: NodeJS.ProcessEnv): SbomOptions {
  const format = flags.format ?? config?.format;
  if (format !== undefined && !isSbomFormat(format)) throw new UsageError(`--format: "${format}" is not one of cyclonedx-json, cyclonedx-xml, spdx-json`);
  const specVersion = flags.specVersion ?? config?.['spec-version'];
  if (specVersion !== undefined && !isSpecVersion(specVersion)) throw new UsageError(`--spec-version: "${specVersion}" is not one of 1.5, 1.6, 1.7`);
  const lockfiles = flags.lockfile !== undefined && flags.lockfile.length > 0 ? flags.lockfile : config?.lockfiles;
  const output = flags.output ?? config?.output;
  return {
    projectDir,
    ...(format !== undefined ? { format } : {}),
    ...(specVersion !== undefined ? { specVersion } : {}),
    ...(lockfiles !== undefined ? { lockfiles } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(config?.exclude !== undefined ? { exclude: config.exclude } : {}),
    excludeDev: flags.excludeDev ?? config?.['exclude-dev'] ?? false,
    env,
  };
}

