import type { Hash } from '../../model.js';
import type { VersionClause } from './pep508.js';

/** Where a requirement that is not a plain index requirement points. */
export type EntryLink =
  | { readonly kind: 'url'; readonly url: string }
  /** `git+https://host/repo.git@ref`: `repo` without the `git+` prefix and ref; `ref` as written. */
  | { readonly kind: 'git'; readonly repo: string; readonly ref?: string }
  /** Mercurial, Subversion, Bazaar: recorded as a plain URL source. */
  | { readonly kind: 'vcs'; readonly url: string }
  /** A local directory or archive, as written (pip resolves it against the directory pip runs in). */
  | { readonly kind: 'path'; readonly path: string; readonly editable: boolean; readonly archive: boolean };

/** One requirement (or constraint) line, after parsing. */
export interface RequirementEntry {
  /** Undefined only for links whose name cannot be known without building them. */
  readonly name?: string;
  readonly extras: readonly string[];
  readonly specifier: readonly VersionClause[];
  readonly markers?: string;
  readonly link?: EntryLink;
  /** Version read from a wheel or sdist file name in a link. */
  readonly linkVersion?: string;
  readonly hashes: readonly Hash[];
  /** Project-relative POSIX path of the file and the (first physical) line. */
  readonly file: string;
  readonly line: number;
  /** The requirement as written, for messages. */
  readonly text: string;
  /** Read from a constraints file (`-c`): pins versions of requirements named elsewhere, adds nothing itself. */
  readonly constraint: boolean;
}
