import { isOwner } from './owner-format.js';

/** Where GitHub looks for CODEOWNERS, in its order; the first one found is the one used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** One valid line of a CODEOWNERS file. `owners` is empty for a line that deliberately leaves paths unowned. */
export interface CodeownersRule {
  readonly line: number;
  readonly pattern: string;
  readonly owners: readonly string[];
  readonly matches: (path: string) => boolean;
}

/** A line GitHub would skip (and flag in its CODEOWNERS view), with the reason. */
export interface CodeownersIssue {
  readonly line: number;
  readonly message: string;
}

export interface Codeowners {
  /** The file, relative to the project. */
  readonly file: string;
  readonly rules: readonly CodeownersRule[];
  readonly issues: readonly CodeownersIssue[];
}

/**
 * Parses CODEOWNERS as GitHub documents it: `#` comments, a gitignore-style pattern followed by owners, the last
 * matching line wins. GitHub skips lines it cannot read (negation `!`, character ranges `[ ]`, an escaped leading
 * `#`, unknown owner spellings, inline comments): so do we, and report them.
 */
export function parseCodeowners(text: string, file: string): Codeowners {
  const rules: CodeownersRule[] = [];
  const issues: CodeownersIssue[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = (lines[i] ?? '').trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const tokens = tokenize(raw);
    const pattern = tokens[0] ?? '';
    const problem = patternProblem(pattern);
    if (problem !== undefined) {
      issues.push({ line, message: `${problem}; GitHub skips this line` });
      continue;
    }
    const owners = tokens.slice(1);
    const comment = owners.findIndex((o) => o.startsWith('#'));
    if (comment >= 0) {
      issues.push({ line, message: 'inline comments are not part of CODEOWNERS syntax (GitHub reads "#…" as an unknown owner); GitHub skips this line' });
      continue;
    }
    const unknown = owners.find((o) => !isOwner(o));
    if (unknown !== undefined) {
      issues.push({ line, message: `unknown owner "${unknown}" (expected @user, @org/team or an e-mail address); GitHub skips this line` });
      continue;
    }
    rules.push({ line, pattern, owners, matches: patternMatcher(pattern) });
  }
  return { file, rules, issues };
}

/** The last rule matching a path (POSIX, relative to the repository root), or undefined. */
export function codeownersRuleFor(codeowners: Codeowners, path: string): CodeownersRule | undefined {
  const clean = path.replace(/^\.\//, '').replace(/^\/+/, '');
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i] as CodeownersRule;
    if (rule.matches(clean)) return rule;
  }
  return undefined;
}

/** Splits on unescaped whitespace; `\ ` is a space inside a path. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === '\\' && line[i + 1] === ' ') {
      current += ' ';
      i++;
    } else if (ch === ' ' || ch === '\t') {
      if (current !== '') tokens.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return 'negation ("!") does not work in CODEOWNERS';
  if (pattern.startsWith('\\#')) return 'escaping a leading "#" does not work in CODEOWNERS';
  if (/[[\]]/.test(pattern)) return 'character ranges ("[ ]") do not work in CODEOWNERS';
  return undefined;
}

/**
 * gitignore semantics: a leading or inner `/` anchors the pattern to the root, otherwise it matches at any depth;
 * a trailing `/` matches directories only; a pattern matching a directory owns everything below it, except a
 * final `/*`, which GitHub documents as matching the directory's own files and not nested ones.
 */
function patternMatcher(pattern: string): (path: string) => boolean {
  let body = pattern;
  const directoryOnly = body.endsWith('/');
  if (directoryOnly) body = body.replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.includes('/');
  body = body.replace(/^\/+/, '');
  const ownsBelow = !/(^|\/)\*$/.test(body) || body === '*';
  const re = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${globBody(body)}$`);
  return (path) => {
    const segments = path.split('/');
    if (!directoryOnly && re.test(path)) return true;
    if (!ownsBelow) return false;
    for (let n = segments.length - 1; n >= 1; n--) {
      if (re.test(segments.slice(0, n).join('/'))) return true;
    }
    return false;
  };
}

function globBody(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return re;
}
