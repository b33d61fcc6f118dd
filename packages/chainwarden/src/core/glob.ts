/**
 * Glob patterns over POSIX relative paths: `*` (within a segment), `**` (any depth), `?` (one character).
 * A pattern also matches everything below a matched directory (`vendor` matches `vendor/a/b`).
 */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globBody(glob)}(/.*)?$`);
}

/** Like globToRegExp, but the pattern must match the whole path (for file selection, not directory exclusion). */
export function globToExactRegExp(glob: string): RegExp {
  return new RegExp(`^${globBody(glob)}$`);
}

/** True when the text has glob syntax (otherwise it names one file). */
export function isGlob(text: string): boolean {
  return /[*?]/.test(text);
}

function globBody(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return re;
}
