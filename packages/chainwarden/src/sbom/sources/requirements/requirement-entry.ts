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

/** What one requirement's text says: name, extras, specifier, markers, link, hashes. */
export interface RequirementFields {
  readonly name?: string;
  readonly extras: readonly string[];
  readonly specifier: readonly VersionClause[];
  readonly markers?: string;
  readonly link?: EntryLink;
  /** Version read from a wheel or sdist file name in a link. */
  readonly linkVersion?: string;
  /** Hashes: `--hash` options and those carried in a URL fragment (`#sha256=…`). */
  readonly hashes: readonly Hash[];
}

/** One requirement (or constraint) line, after parsing. */
export interface RequirementEntry extends RequirementFields {
  /** Project-relative POSIX path of the file and the (first physical) line. */
  readonly file: string;
  readonly line: number;
  /** The requirement as written, for messages. */
  readonly text: string;
  /** Read from a constraints file (`-c`): pins versions of requirements named elsewhere, adds nothing itself. */
  readonly constraint: boolean;
}
