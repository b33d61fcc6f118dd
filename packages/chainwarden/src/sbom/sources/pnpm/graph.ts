import { keyPath } from '../../../core/parse.js';
import { hashesFromIntegrity, makeComponent } from '../../component-builder.js';
import type { Component } from '../../model.js';
import { isLocalSource } from '../../model.js';
import type { ScopeSeed } from '../../scope.js';
import type { LockDocument } from './lock-document.js';
import type { LockNode } from './nodes.js';
import type { LocalComponents } from './workspace.js';
import { linkTarget } from './workspace.js';

/** The component graph of all documents of one lockfile, before scopes are assigned. */
export interface LockGraph {
  readonly components: Map<string, Component>;
  readonly rootDependsOn: Set<string>;
  readonly workspaceMembers: Set<string>;
  /** Keys of the importers other than the root (their edges come from importer dependency groups). */
  readonly importerKeys: Set<string>;
  /** Component key → the lock nodes (peer variants) it was made from; members and links have none. */
  readonly nodesOf: Map<string, LockNode[]>;
  /** Reachability seeds: each importer dependency with its group's scope, and every member as required. */
  readonly seeds: ScopeSeed[];
}

/** Where a reference leads: a component key, the root project, or nowhere (not locked). */
type Target = { readonly key: string } | 'root' | undefined;

export function buildGraph(documents: readonly LockDocument[], local: LocalComponents, warnings: string[]): LockGraph {
  const graph: LockGraph = {
    components: new Map(local.components.map((c) => [c.key, c])),
    rootDependsOn: new Set(local.members),
    workspaceMembers: new Set(local.components.map((c) => c.key)),
    importerKeys: new Set(local.members),
    nodesOf: new Map(),
    seeds: local.members.map((key) => ({ key, scope: 'required' as const })),
  };
  const indexes = documents.map((doc) => indexNodes(doc, graph));
  markEnvOnly(documents, indexes, graph);
  documents.forEach((doc, i) => {
    const index = indexes[i] as Map<string, string>;
    const resolve = (fromDir: string, name: string, ref: string, at: readonly string[]): Target => {
      const target = resolveRef(doc, index, local, fromDir, name, ref);
      if (target === undefined) warnings.push(`${doc.shape.file}: ${keyPath(...at)} refers to ${name}@${ref}, which is not locked; dependency dropped`);
      return target;
    };
    for (const node of doc.nodes) {
      const from = graph.components.get(index.get(node.key) as string) as Component;
      for (const [name, ref, field] of node.deps) {
        const target = resolve('.', name, ref, [...node.at, field, name]);
        if (target !== undefined && target !== 'root' && target.key !== from.key) from.dependsOn.add(target.key);
      }
    }
    for (const importer of doc.importers) {
      const owner = importer.path === '.' ? graph.rootDependsOn : graph.components.get(local.byPath.get(importer.path) as string)?.dependsOn;
      for (const dep of importer.deps) {
        const target = resolve(importer.path, dep.name, dep.ref, dep.at);
        if (target === undefined || target === 'root') continue;
        owner?.add(target.key);
        graph.seeds.push({ key: target.key, scope: dep.scope });
      }
    }
  });
  return graph;
}

/** Creates (or joins) the component of every node; returns exact key (and key without peers) → component key. */
function indexNodes(doc: LockDocument, graph: LockGraph): Map<string, string> {
  const index = new Map<string, string>();
  for (const node of doc.nodes) {
    const made = makeComponent({
      ecosystem: 'npm',
      type: isLocalSource(node.source) ? 'application' : 'library',
      name: node.name,
      version: node.version,
      source: node.source,
      hashes: hashesFromIntegrity(node.integrity),
    });
    const existing = graph.components.get(made.key);
    if (existing === undefined) graph.components.set(made.key, made);
    else if (existing.hashes.length === 0) existing.hashes.push(...made.hashes);
    if (isLocalSource(node.source)) graph.workspaceMembers.add(made.key);
    const variants = graph.nodesOf.get(made.key);
    if (variants === undefined) graph.nodesOf.set(made.key, [node]);
    else variants.push(node);
    index.set(node.key, made.key);
  }
  for (const node of doc.nodes) {
    const base = doc.family.keys.withoutPeers(node.key);
    if (!index.has(base)) index.set(base, index.get(node.key) as string);
  }
  return index;
}

function resolveRef(doc: LockDocument, index: Map<string, string>, local: LocalComponents, fromDir: string, name: string, ref: string): Target {
  const linked = linkTarget(fromDir, ref);
  if (linked !== undefined) {
    if (linked === '.') return 'root';
    const key = local.byPath.get(linked);
    return key === undefined ? undefined : { key };
  }
  const lockKey = doc.family.keys.refToKey(name, ref);
  if (lockKey === undefined) return undefined;
  const key = index.get(lockKey) ?? index.get(doc.family.keys.withoutPeers(lockKey));
  return key === undefined ? undefined : { key };
}

/** Components locked only by the pnpm 11+ env document (pnpm itself, config dependencies) say so. */
function markEnvOnly(documents: readonly LockDocument[], indexes: readonly Map<string, string>[], graph: LockGraph): void {
  if (documents.length < 2) return;
  const main = new Set((indexes[indexes.length - 1] as Map<string, string>).values());
  const env = new Set(indexes.slice(0, -1).flatMap((index) => [...index.values()]));
  for (const key of [...env].sort()) {
    if (!main.has(key)) graph.components.get(key)?.properties.push(['cdx:pnpm:env-lockfile', 'true']);
  }
}
