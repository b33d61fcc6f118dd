import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { LockfileError } from '../../../core/errors.js';
import type { SourceContext } from '../../source.js';
import type { RequirementEntry } from './requirement-entry.js';
import { parseRequirementsFile } from './requirements-file.js';

/** An index option and where it was given. */
export interface IndexOption {
  readonly url: string;
  readonly file: string;
  readonly line: number;
}

/** Everything pip would read for one `pip install -r <lockfile>`: the file and the files it includes, in pip's order. */
export interface LoadedRequirements {
  readonly entries: RequirementEntry[];
  /** The last `--index-url` given anywhere (pip applies index options to the whole install, wherever they appear). */
  readonly indexUrl?: IndexOption;
  readonly extraIndexUrls: IndexOption[];
  readonly noIndex?: { readonly file: string; readonly line: number };
  readonly warnings: string[];
}

/** Guard against hostile include fan-out; real projects use a handful of files. */
const MAX_FILES = 500;

/**
 * Reads the lockfile and follows `-r`/`-c` includes relative to the including file (as pip does), with
 * `ctx.readSibling`. An include cycle, a missing file or a remote include is an error naming the including line.
 * A file already read in the same role is not read again (diamond includes add nothing new).
 */
export async function loadRequirements(ctx: SourceContext): Promise<LoadedRequirements> {
  const entries: RequirementEntry[] = [];
  const warnings: string[] = [];
  const extraIndexUrls: IndexOption[] = [];
  let indexUrl: IndexOption | undefined;
  let noIndex: { file: string; line: number } | undefined;
  const done = new Set<string>();
  const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));
  const lockDir = dirname(ctx.lockfilePath);

  const visit = async (file: string, content: string, constraint: boolean, stack: readonly string[]): Promise<void> => {
    done.add(`${constraint ? 'c' : 'r'}:${file}`);
    if (done.size > MAX_FILES) throw new LockfileError(`more than ${MAX_FILES} requirements files included`, { file });
    const parsed = parseRequirementsFile(content, file, constraint);
    warnings.push(...parsed.warnings);
    for (const item of parsed.items) {
      switch (item.kind) {
        case 'entry':
          entries.push(item.entry);
          break;
        case 'index-url':
          indexUrl = { url: item.url, file, line: item.line };
          break;
        case 'extra-index-url':
          extraIndexUrls.push({ url: item.url, file, line: item.line });
          break;
        case 'no-index':
          noIndex = { file, line: item.line };
          break;
        case 'include': {
          const where = { file, line: item.line, column: item.column };
          const flag = item.constraint ? '-c' : '-r';
          if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(item.target) || /^file:/i.test(item.target)) {
            throw new LockfileError(`${flag} ${item.target}: remote or file: URL includes are not read (chainwarden never uses the network); download the file and include it by path`, where, { code: 'LOCKFILE_UNSUPPORTED' });
          }
          const target = isAbsolute(item.target) ? toPosix(relative(ctx.projectDir, item.target)) : posix.normalize(posix.join(posix.dirname(file), item.target));
          // pip: -r inside a constraints file still names requirements; -c always names constraints.
          const nestedConstraint = item.constraint;
          if (stack.includes(target)) {
            throw new LockfileError(`${flag} ${item.target}: include cycle (${[...stack, target].join(' -> ')})`, where);
          }
          if (done.has(`${nestedConstraint ? 'c' : 'r'}:${target}`)) break;
          const text = await ctx.readSibling(toPosix(relative(lockDir, resolve(ctx.projectDir, target))));
          if (text === undefined) throw new LockfileError(`${flag} ${item.target}: included file ${target} not found`, where);
          await visit(target, text, nestedConstraint, [...stack, target]);
          break;
        }
      }
    }
  };

  await visit(ctx.lockfileRel, ctx.content, false, [ctx.lockfileRel]);
  return {
    entries,
    ...(indexUrl !== undefined ? { indexUrl } : {}),
    extraIndexUrls,
    ...(noIndex !== undefined ? { noIndex } : {}),
    warnings,
  };
}
