import type { LockfileResult } from './model.js';

/** What a source is given: the project directory and the lockfile it was detected (or told) to read. */
export interface SourceContext {
  /** Absolute path of the project directory. */
  readonly projectDir: string;
  /** Absolute path of the lockfile. */
  readonly lockfilePath: string;
  /** The lockfile's path relative to the project directory (POSIX separators), used in messages and output. */
  readonly lockfileRel: string;
  /** The lockfile's content, already read. */
  readonly content: string;
  /** Read a sibling file (manifest) relative to the lockfile's directory; undefined when it does not exist. */
  readonly readSibling: (relPath: string) => Promise<string | undefined>;
}

/** One lockfile format. Implementations are named `<Format>Source` and registered in `sources/index.ts`. */
export interface SbomSource {
  /** Stable id, used in properties and `--json` output, e.g. `uv`, `npm`, `pnpm`. */
  readonly id: string;
  /** Human name for listings, e.g. `uv.lock`. */
  readonly label: string;
  /** True when a file name (basename) is one this source reads. */
  matches(fileName: string, relPath: string): boolean;
  parse(ctx: SourceContext): Promise<LockfileResult>;
}
