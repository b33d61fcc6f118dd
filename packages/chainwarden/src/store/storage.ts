/**
 * Where the store keeps its bytes, named by role. The store itself only ever speaks keys (`blobs/sha256/ab/ab…`,
 * `releases/v1.2.0.json`), so anything with put/get/list/delete by key and a conditional write can hold it:
 * LocalFolderStorage (a folder, the default) today; an S3-compatible object store later (PutObject with
 * `If-Match`/`If-None-Match` is the conditional write, the ETag the version).
 */

export interface StoredObject {
  /** The key, `/`-separated. */
  readonly key: string;
  readonly size: number;
  /** Last written (refreshed by every put). */
  readonly modified: Date;
}

export interface VersionedContent {
  readonly content: Uint8Array;
  /** Opaque version of exactly these bytes (an ETag); what `putIfMatch` compares. */
  readonly version: string;
}

export interface ArtifactStorage {
  /** Where it is, for messages (e.g. `data/artifacts/supply-chain`). */
  readonly location: string;
  /** Writes the whole object atomically (readers see the old bytes or the new, never a part); replaces any. */
  put(key: string, content: Uint8Array): Promise<void>;
  /** The bytes, or undefined when there is no such object. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Size and age of an object, or undefined when there is none (S3: HeadObject). */
  stat(key: string): Promise<StoredObject | undefined>;
  /** The bytes and their version, or undefined when there is no such object. */
  getVersioned(key: string): Promise<VersionedContent | undefined>;
  /**
   * Compare-and-swap: writes only when the object's current version is `expected` (undefined: only when there is no
   * object). Returns false, writing nothing, when someone else changed it first.
   */
  putIfMatch(key: string, content: Uint8Array, expected: string | undefined): Promise<boolean>;
  /** Deletes only when the current version is `expected`; false when it changed (or is gone). */
  deleteIfMatch(key: string, expected: string): Promise<boolean>;
  /** Every object whose key starts with `prefix`, sorted by key (in-progress writes are not objects). */
  list(prefix: string): Promise<StoredObject[]>;
  /** True when it deleted something. */
  delete(key: string): Promise<boolean>;
  /** Removes what interrupted writes left behind (temporary files, stale locks) older than `before`; returns what. */
  removeLeftovers(before: Date): Promise<string[]>;
  /** What interrupted writes left behind, for `verify` and `retention prune --dry-run` to mention. */
  leftovers(): Promise<StoredObject[]>;
}
