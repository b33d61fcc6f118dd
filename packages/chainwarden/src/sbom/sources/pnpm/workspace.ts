import { makeComponent } from '../../component-builder.js';
import type { Component } from '../../model.js';
import type { SourceContext } from '../../source.js';
import type { LockDocument } from './lock-document.js';
import { readPackageManifest } from './manifest.js';
import { joinRel, projectPath, staysInside } from './paths.js';

/** Local components: workspace members (importers) and other `link:` targets, by lockfile-relative directory. */
export interface LocalComponents {
  /** Directory → component key. `.` (the root project) is never in here. */
  readonly byPath: Map<string, string>;
  /** Keys of the importers other than `.`, in path order. */
  readonly members: string[];
  readonly components: Component[];
}

const LINK = 'link:';

/** The directory a `link:` reference points at, seen from `fromDir` (both relative to the lockfile). */
export function linkTarget(fromDir: string, ref: string): string | undefined {
  return ref.startsWith(LINK) ? joinRel(fromDir, ref.slice(LINK.length)) : undefined;
}

/**
 * Members are named from their package.json (`<path>/package.json` beside the lockfile) when readable, else by
 * the name other importers link them under, else by their path.
 */
export async function readLocalComponents(ctx: SourceContext, documents: readonly LockDocument[], lockDir: string, warnings: string[]): Promise<LocalComponents> {
  const importerPaths = new Set<string>();
  const linkNames = new Map<string, Set<string>>();
  const noteLink = (path: string | undefined, name: string): void => {
    if (path === undefined || path === '.') return;
    const names = linkNames.get(path) ?? new Set<string>();
    names.add(name);
    linkNames.set(path, names);
  };
  for (const doc of documents) {
    for (const importer of doc.importers) {
      if (importer.path !== '.') importerPaths.add(importer.path);
      for (const dep of importer.deps) noteLink(linkTarget(importer.path, dep.ref), dep.name);
    }
    for (const node of doc.nodes) for (const [name, ref] of node.deps) noteLink(linkTarget('.', ref), name);
  }
  const paths = [...new Set([...importerPaths, ...linkNames.keys()])].sort();
  const manifests = await Promise.all(paths.map(async (path) => (staysInside(path) ? await readPackageManifest(ctx, path, warnings) : 'missing')));
  const byPath = new Map<string, string>();
  const components: Component[] = [];
  paths.forEach((path, i) => {
    const read = manifests[i];
    const manifest = typeof read === 'object' ? read : undefined;
    const isMember = importerPaths.has(path);
    const linkedAs = [...(linkNames.get(path) ?? [])].sort()[0];
    const component = makeComponent({
      ecosystem: 'npm',
      type: 'application',
      name: manifest?.name ?? linkedAs ?? path,
      version: manifest?.version,
      source: isMember ? { kind: 'workspace', path: projectPath(lockDir, path) } : { kind: 'path', path: projectPath(lockDir, path) },
      licenses: manifest?.licenses ?? [],
      description: manifest?.description,
      properties: isMember ? [['cdx:pnpm:importer', path]] : [],
    });
    byPath.set(path, component.key);
    components.push(component);
  });
  return { byPath, members: paths.filter((p) => importerPaths.has(p)).map((p) => byPath.get(p) as string), components };
}
