/**
 * Just enough of PEP 508 to read a requirement line from a lockfile or manifest: the name, extras, version
 * specifier, direct URL and marker. Poetry's `name (>=1,<2)` spelling is PEP 508 too (parenthesised specifier).
 */

export interface Requirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** Version specifier without parentheses, e.g. `>=1.0,<2`; empty when none. */
  readonly specifier: string;
  /** Direct reference (`name @ url`). */
  readonly url?: string;
  /** Environment marker after `;`. */
  readonly marker?: string;
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

/** Parses one requirement; undefined when the line has no valid distribution name. */
export function parseRequirement(line: string): Requirement | undefined {
  let text = line.trim();
  // pip-style editable lines (pdm dev groups): `-e file:///${PROJECT_ROOT}/pkg#egg=name` or `-e name @ url`.
  if (/^-e\s+/.test(text)) {
    text = text.replace(/^-e\s+/, '');
    const egg = /#egg=([A-Za-z0-9._-]+)/.exec(text);
    if (egg?.[1] !== undefined && !/^[A-Za-z0-9._-]+\s*(\[|@)/.test(text)) return { name: egg[1], extras: [], specifier: '', url: text.replace(/#.*$/, '') };
  }
  const m = NAME.exec(text);
  if (m?.[1] === undefined) return undefined;
  const name = m[1];
  let rest = text.slice(m[0].length);
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    extras = rest
      .slice(1, close)
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    rest = rest.slice(close + 1).trimStart();
  }
  let marker: string | undefined;
  let url: string | undefined;
  if (rest.startsWith('@')) {
    // A URL may contain `;` only inside itself; PEP 508 requires whitespace before the marker's `;`.
    const body = rest.slice(1).trim();
    const sep = /\s+;/.exec(body);
    url = (sep === null ? body : body.slice(0, sep.index)).trim();
    if (sep !== null) marker = body.slice(sep.index + sep[0].length).trim();
    return { name, extras, specifier: '', ...(url !== '' ? { url } : {}), ...(marker !== undefined && marker !== '' ? { marker } : {}) };
  }
  const semi = rest.indexOf(';');
  if (semi >= 0) {
    marker = rest.slice(semi + 1).trim();
    rest = rest.slice(0, semi);
  }
  let specifier = rest.trim();
  if (specifier.startsWith('(') && specifier.endsWith(')')) specifier = specifier.slice(1, -1).trim();
  return { name, extras, specifier, ...(marker !== undefined && marker !== '' ? { marker } : {}) };
}
