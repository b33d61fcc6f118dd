import { minimatch } from 'minimatch';

/**
 * Renovate's string matching: `/regex/flags` is a regular expression, anything else a case-insensitive glob
 * (minimatch, dot files included); `!` negates. In a list, some positive pattern must match and every negative
 * one must hold.
 */
export function matchesPattern(input: string, pattern: string): boolean {
  if (pattern === '*') return true;
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(body);
  let hit: boolean;
  if (regex !== null) {
    try {
      hit = new RegExp(regex[1] ?? '', (regex[2] ?? '').replace(/[^dgimsuvy]/g, '')).test(input);
    } catch {
      hit = false;
    }
  } else hit = minimatch(input, body, { dot: true, nocase: true });
  return negated ? !hit : hit;
}

export function matchesList(input: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const positive = patterns.filter((p) => !p.startsWith('!'));
  if (positive.length > 0 && !positive.some((p) => matchesPattern(input, p))) return false;
  return patterns.filter((p) => p.startsWith('!')).every((p) => matchesPattern(input, p));
}

/** A regular expression from config text; undefined when it does not compile. */
export function safeRegExp(source: string, flags = ''): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}
