import type { DepPathSyntax } from './dep-path.js';
import { AT_SYNTAX, SLASH_AT_SYNTAX, SLASH_SYNTAX } from './dep-path.js';

/**
 * The pnpm lockfile families, as data. Everything that differs between lockfile versions is a field here;
 * the readers branch on these fields, never on version numbers.
 */
export interface PnpmFamily {
  readonly id: 'v5' | 'v6' | 'v9';
  /** `lockfileVersion` values of this family, normalised (see normalizeLockfileVersion). */
  readonly versions: readonly string[];
  /** How keys and dependency references are spelled. */
  readonly keys: DepPathSyntax;
  /**
   * `combined`: `packages` holds metadata and the dependency graph (v5, v6).
   * `split`: `packages` holds metadata, `snapshots` holds the graph with peer-suffixed keys (v9).
   */
  readonly layout: 'combined' | 'split';
  /** Importer dependency values: a plain reference string (v5) or `{ specifier, version }` (v5.4-inlineSpecifiers, v6, v9). */
  readonly importerValues: 'reference' | 'specifier-object';
  /** Single-project lockfiles keep the root's dependencies at the top level instead of under `importers`. */
  readonly topLevelRoot: boolean;
  /** Entries carry pnpm's own `dev` flags (v5, v6); without them scopes come from reachability. */
  readonly devFlags: boolean;
}

export const FAMILIES: readonly PnpmFamily[] = [
  {
    id: 'v5',
    versions: ['5.0', '5.1', '5.2', '5.3', '5.4'],
    keys: SLASH_SYNTAX,
    layout: 'combined',
    importerValues: 'reference',
    topLevelRoot: true,
    devFlags: true,
  },
  {
    id: 'v5',
    versions: ['5.4-inlineSpecifiers'],
    keys: SLASH_SYNTAX,
    layout: 'combined',
    importerValues: 'specifier-object',
    topLevelRoot: true,
    devFlags: true,
  },
  {
    id: 'v6',
    versions: ['6.0', '6.1'],
    keys: SLASH_AT_SYNTAX,
    layout: 'combined',
    importerValues: 'specifier-object',
    topLevelRoot: true,
    devFlags: true,
  },
  {
    id: 'v9',
    versions: ['9.0'],
    keys: AT_SYNTAX,
    layout: 'split',
    importerValues: 'specifier-object',
    topLevelRoot: false,
    devFlags: false,
  },
];

export const SUPPORTED_VERSIONS: readonly string[] = FAMILIES.flatMap((f) => f.versions);

/** `5.3` (a YAML number), `'6.0'`, `'9'` → `5.3`, `6.0`, `9.0`; undefined for anything that is not a version. */
export function normalizeLockfileVersion(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  return /^\d+$/.test(text) ? `${text}.0` : text;
}

export function familyFor(version: string): PnpmFamily | undefined {
  return FAMILIES.find((family) => family.versions.includes(version));
}
