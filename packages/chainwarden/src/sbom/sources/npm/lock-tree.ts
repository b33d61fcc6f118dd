import { parseJsonText, isRecord } from '../../../core/parse.js';
import { entriesFromDependencyTree } from './dependencies-tree.js';
import { LockDocument, typeName } from './lock-document.js';
import type { LockEntry, LockTree } from './lock-entry.js';
import { entriesFromPackages } from './packages-entries.js';

type Layout = (doc: LockDocument, top: Record<string, unknown>) => Map<string, LockEntry>;

/** Where each lockfileVersion keeps its packages. v2 carries both layouts (for npm 6); the flat one wins. */
const LAYOUTS: Readonly<Record<1 | 2 | 3, Layout>> = {
  1: (doc, top) => dependencyTree(doc, top),
  2: (doc, top) => (top['packages'] === undefined ? dependencyTree(doc, top) : packagesMap(doc, top)),
  3: (doc, top) => packagesMap(doc, top),
};

export const SUPPORTED_VERSIONS = Object.keys(LAYOUTS).join(', ');

/** Parses the lockfile text into entries keyed by install path; bad input throws LockfileError. */
export function readLockTree(text: string, file: string): LockTree {
  const doc = new LockDocument(text, file);
  const top = parseJsonText(text, file);
  if (!isRecord(top)) throw doc.error(`a package-lock must be a JSON object, got ${typeName(top)}`, []);
  const version = top['lockfileVersion'];
  if (version !== 1 && version !== 2 && version !== 3) {
    const shown = version === undefined ? 'missing' : JSON.stringify(version).slice(0, 40);
    throw doc.error(`unsupported lockfileVersion ${shown} (supported: ${SUPPORTED_VERSIONS})`, ['lockfileVersion'], 'LOCKFILE_UNSUPPORTED');
  }
  const entries = LAYOUTS[version](doc, top);
  return {
    lockfileVersion: version,
    entries,
    name: typeof top['name'] === 'string' ? top['name'] : undefined,
    version: typeof top['version'] === 'string' ? top['version'] : undefined,
    workspaces: workspaceGlobs(top),
  };
}

function packagesMap(doc: LockDocument, top: Record<string, unknown>): Map<string, LockEntry> {
  if (top['packages'] === undefined) throw doc.error('missing "packages"', []);
  return entriesFromPackages(doc, doc.record(top['packages'], ['packages'], '"packages"'));
}

function dependencyTree(doc: LockDocument, top: Record<string, unknown>): Map<string, LockEntry> {
  const deps = top['dependencies'];
  if (deps === undefined || deps === null) return new Map();
  return entriesFromDependencyTree(doc, doc.record(deps, ['dependencies'], '"dependencies"'));
}

/** The root's `workspaces` globs: an array, or (yarn style) `{ packages: [...] }`; anything else is ignored. */
function workspaceGlobs(top: Record<string, unknown>): string[] {
  const packages = top['packages'];
  const root = isRecord(packages) ? packages[''] : undefined;
  const declared = isRecord(root) ? root['workspaces'] : undefined;
  const list = isRecord(declared) ? declared['packages'] : declared;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : [];
}
