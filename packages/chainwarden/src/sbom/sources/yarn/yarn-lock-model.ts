/**
 * What both yarn lockfile flavours reduce to before the graph is built: entries (one per lockfile block), the
 * descriptors each was locked for, and the dependency descriptors each one asks for.
 */
import type { Hash, PackageSource, Property } from '../../model.js';

/** For LOCKFILE_UNSUPPORTED messages. */
export const SUPPORTED_YARN_LOCKFILES = 'yarn classic v1, yarn berry __metadata versions 4-10';

/** `dev` only appears on a workspace's own dependencies (from its manifest); lockfile entries know required/optional. */
export type EdgeKind = 'required' | 'optional' | 'dev';

export interface YarnDependency {
  readonly name: string;
  /** The range as written (`^1.0.0`, `npm:^1.0.0`, `npm:real@^1`, `workspace:^`). */
  readonly range: string;
  readonly kind: EdgeKind;
}

export interface YarnEntry {
  /** Descriptors (lockfile key parts) this entry was resolved for, as written. */
  readonly descriptors: readonly string[];
  /** 1-based line of the entry's key, for messages. */
  readonly line: number | undefined;
  /** The real package name (aliases resolved). */
  readonly name: string;
  readonly version: string | undefined;
  readonly source: PackageSource;
  readonly hashes: Hash[];
  readonly properties: Property[];
  readonly dependencies: YarnDependency[];
  /** Berry workspace entries: the member's path (`.` for the root). */
  readonly workspace?: string;
}

export interface YarnLock {
  readonly flavour: 'classic' | 'berry';
  /** Human description for messages, e.g. `yarn classic v1`, `yarn berry (lockfile version 8)`. */
  readonly label: string;
  readonly entries: YarnEntry[];
  /** The lookup key of a descriptor: exact for classic, protocol-normalised (`npm:` default) for berry. */
  readonly descriptorKey: (name: string, range: string) => string;
}
