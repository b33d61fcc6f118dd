import { isRecord } from '../../../core/parse.js';
import type { PnpmFamily } from './families.js';
import { SUPPORTED_VERSIONS, familyFor, normalizeLockfileVersion } from './families.js';
import type { Importer } from './importers.js';
import { readImporters } from './importers.js';
import type { LockNode } from './nodes.js';
import { readNodes } from './nodes.js';
import type { Shape } from './shape.js';

/** One YAML document of pnpm-lock.yaml, read into the family-neutral shape the builder works on. */
export interface LockDocument {
  readonly family: PnpmFamily;
  /** `lockfileVersion`, normalised. */
  readonly version: string;
  readonly importers: readonly Importer[];
  readonly nodes: readonly LockNode[];
  readonly shape: Shape;
}

export function readLockDocument(value: unknown, shape: Shape, lockDir: string, warnings: string[]): LockDocument {
  if (value === null || value === undefined) shape.fail('the lockfile is empty', []);
  if (!isRecord(value)) shape.fail('expected a mapping at the top level of the lockfile', []);
  if (value.lockfileVersion === undefined) shape.fail('missing lockfileVersion', []);
  const version = normalizeLockfileVersion(value.lockfileVersion);
  const family = version === undefined ? undefined : familyFor(version);
  if (version === undefined || family === undefined) {
    shape.fail(
      `unsupported lockfileVersion ${JSON.stringify(value.lockfileVersion)} (supported: ${SUPPORTED_VERSIONS.join(', ')})`,
      ['lockfileVersion'],
      'LOCKFILE_UNSUPPORTED',
    );
  }
  return {
    family,
    version,
    importers: readImporters(value, family, shape),
    nodes: readNodes(value, family, shape, lockDir, warnings),
    shape,
  };
}
