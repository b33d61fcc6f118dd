import { basename, dirname, posix } from 'node:path';
import type { LockfileResult, RootProject } from '../../model.js';
import type { SbomSource, SourceContext } from '../../source.js';
import { buildGraph } from './graph.js';
import type { LockDocument } from './lock-document.js';
import { readLockDocument } from './lock-document.js';
import { readPackageManifest } from './manifest.js';
import { assignScopes } from './scopes.js';
import { Shape } from './shape.js';
import { readLocalComponents } from './workspace.js';
import { parseLockfileDocuments } from './yaml-documents.js';

/** pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.0 (including pnpm 11+ two-document lockfiles). */
export const PnpmLockSource: SbomSource = {
  id: 'pnpm',
  label: 'pnpm-lock.yaml',
  matches: (fileName) => fileName === 'pnpm-lock.yaml',
  parse: parsePnpmLock,
};

async function parsePnpmLock(ctx: SourceContext): Promise<LockfileResult> {
  const warnings: string[] = [];
  const lockDir = posix.dirname(ctx.lockfileRel);
  const yamlDocuments = await parseLockfileDocuments(ctx.content, ctx.lockfileRel);
  const documents: LockDocument[] = yamlDocuments.map((d) => readLockDocument(d.value, new Shape(ctx.content, ctx.lockfileRel, d.offset), lockDir, warnings));
  const main = documents[documents.length - 1] as LockDocument;
  const root = await readRoot(ctx, lockDir, warnings);
  const local = await readLocalComponents(ctx, documents, lockDir, warnings);
  const graph = buildGraph(documents, local, warnings);
  assignScopes(graph, main, warnings);
  return {
    format: 'pnpm',
    lockfile: ctx.lockfileRel,
    root,
    components: graph.components,
    rootDependsOn: graph.rootDependsOn,
    workspaceMembers: graph.workspaceMembers,
    warnings: [...new Set(warnings)],
    carriesLicenses: false,
  };
}

/** The project from package.json beside the lockfile, else named after the lockfile's directory. */
async function readRoot(ctx: SourceContext, lockDir: string, warnings: string[]): Promise<RootProject> {
  const read = await readPackageManifest(ctx, '.', warnings);
  const manifest = typeof read === 'object' ? read : undefined;
  if (read === 'missing') warnings.push(`${posix.join(lockDir, 'package.json')}: not found; the root project is named after the lockfile's directory`);
  return {
    name: manifest?.name ?? basename(dirname(ctx.lockfilePath)),
    ...(manifest?.version !== undefined ? { version: manifest.version } : {}),
    ...(manifest?.description !== undefined ? { description: manifest.description } : {}),
    licenses: manifest?.licenses ?? [],
    ecosystem: 'npm',
    ...(manifest !== undefined ? { manifest: posix.join(lockDir, 'package.json') } : {}),
  };
}
