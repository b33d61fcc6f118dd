import type { Scope } from '../../model.js';
import type { PnpmFamily } from './families.js';
import { normalizeRel } from './paths.js';
import type { Shape } from './shape.js';

/** The dependency groups of an importer and the scope each gives what it reaches. */
export const IMPORTER_GROUPS: readonly { readonly field: string; readonly scope: Scope }[] = [
  { field: 'dependencies', scope: 'required' },
  { field: 'optionalDependencies', scope: 'optional' },
  { field: 'devDependencies', scope: 'excluded' },
  // pnpm 11+ env document: tooling pnpm installs for itself, not part of the project's runtime.
  { field: 'configDependencies', scope: 'excluded' },
  { field: 'packageManagerDependencies', scope: 'excluded' },
];

export interface ImporterDep {
  readonly name: string;
  /** The locked reference (`1.0.0(peer@2)`, `link:../x`, `/real/1.0.0`, …). */
  readonly ref: string;
  readonly scope: Scope;
  readonly at: readonly string[];
}

export interface Importer {
  /** Directory relative to the lockfile, normalised; `.` is the root project. */
  readonly path: string;
  readonly deps: readonly ImporterDep[];
}

/** The importers of a document: `importers:` when present, else (v5/v6 single projects) the top level. */
export function readImporters(doc: Record<string, unknown>, family: PnpmFamily, shape: Shape): Importer[] {
  const importers = shape.optionalMap(doc.importers, ['importers']);
  if (importers === undefined) {
    return family.topLevelRoot ? [{ path: '.', deps: readGroups(doc, [], family, shape) }] : [];
  }
  return Object.entries(importers).map(([path, value]) => {
    const entry = shape.optionalMap(value, ['importers', path]) ?? {};
    return { path: normalizeRel(path), deps: readGroups(entry, ['importers', path], family, shape) };
  });
}

function readGroups(entry: Record<string, unknown>, at: readonly string[], family: PnpmFamily, shape: Shape): ImporterDep[] {
  const deps: ImporterDep[] = [];
  for (const group of IMPORTER_GROUPS) {
    const groupAt = [...at, group.field];
    const map = shape.optionalMap(entry[group.field], groupAt);
    if (map === undefined) continue;
    for (const [name, value] of Object.entries(map)) {
      const depAt = [...groupAt, name];
      const ref =
        family.importerValues === 'reference'
          ? shape.requiredString(value, depAt)
          : shape.requiredString((shape.optionalMap(value, depAt) ?? shape.fail('expected { specifier, version }', depAt)).version, [...depAt, 'version']);
      deps.push({ name, ref, scope: group.scope, at: depAt });
    }
  }
  return deps;
}
