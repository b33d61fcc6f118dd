import { sha256Hex } from '../../core/digest.js';
import { compareStrings } from './spdx-document.js';

/** Letters, digits, `.` and `-` only: what SPDX allows in an `SPDXRef-…` or `LicenseRef-…` id string. */
export function spdxIdString(value: string): string {
  return value.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Deterministic, unique ids for a set of keys: `<prefix><sanitised key>`, and where two keys sanitise to the same
 * string, each of them gets a suffix from its own hash — so an id never depends on which other keys exist beyond
 * the ones it collides with, nor on the order they come in.
 */
export function uniqueIds(keys: Iterable<string>, prefix: string, sanitise: (key: string) => string): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const key of [...new Set(keys)].sort(compareStrings)) {
    const base = `${prefix}${sanitise(key) || 'unnamed'}`;
    const group = groups.get(base);
    if (group === undefined) groups.set(base, [key]);
    else group.push(key);
  }
  const ids = new Map<string, string>();
  const used = new Set(groups.keys());
  for (const [base, group] of groups) {
    if (group.length === 1) {
      ids.set(group[0] as string, base);
      continue;
    }
    for (const key of group) {
      const hash = sha256Hex(key);
      let length = 8;
      while (used.has(`${base}-${hash.slice(0, length)}`)) length += 4;
      const id = `${base}-${hash.slice(0, length)}`;
      used.add(id);
      ids.set(key, id);
    }
  }
  return ids;
}

/**
 * `SPDXRef-Package-…` from bom-refs: a purl's `pkg:` prefix adds nothing and is dropped, and so are its qualifiers
 * and subpath (a package that differs from another only there gets the collision suffix instead of a long id).
 */
export function packageIds(bomRefs: Iterable<string>): Map<string, string> {
  return uniqueIds(bomRefs, 'SPDXRef-Package-', (ref) => spdxIdString(ref.startsWith('pkg:') ? ref.slice(4).replace(/[?#].*$/, '') : ref));
}
