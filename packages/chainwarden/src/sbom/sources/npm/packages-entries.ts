import { compareStrings, typeName } from './lock-document.js';
import type { LockDocument } from './lock-document.js';
import type { LockEntry } from './lock-entry.js';
import { readFlags } from './lock-flags.js';

/** Normalises a v2/v3 `packages` map (already known to be an object) into entries keyed by install path. */
export function entriesFromPackages(doc: LockDocument, packages: Record<string, unknown>): Map<string, LockEntry> {
  const entries = new Map<string, LockEntry>();
  for (const path of Object.keys(packages).sort(compareStrings)) {
    const at = ['packages', path];
    const raw = doc.record(packages[path], at, `the entry for "${path === '' ? '(root)' : path}"`);
    const link = raw['link'] === true;
    if (raw['link'] !== undefined && typeof raw['link'] !== 'boolean') throw doc.error(`"link" must be a boolean, got ${typeName(raw['link'])}`, [...at, 'link']);
    const resolved = doc.optionalString(raw, 'resolved', at);
    if (link && resolved === undefined) throw doc.error('a link entry must name its target in "resolved"', at);
    entries.set(path, {
      path,
      location: at,
      name: doc.optionalString(raw, 'name', at),
      version: doc.optionalString(raw, 'version', at),
      resolved,
      integrity: doc.optionalString(raw, 'integrity', at),
      link,
      flags: readFlags(raw),
      license: raw['license'] ?? raw['licenses'],
      deps: {
        dependencies: doc.depNames(raw, 'dependencies', at),
        optionalDependencies: doc.depNames(raw, 'optionalDependencies', at),
        peerDependencies: doc.depNames(raw, 'peerDependencies', at),
        devDependencies: doc.depNames(raw, 'devDependencies', at),
      },
    });
  }
  return entries;
}
