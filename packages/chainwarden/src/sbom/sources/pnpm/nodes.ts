import type { PackageSource } from '../../model.js';
import type { PnpmFamily } from './families.js';
import type { Resolution } from './package-source.js';
import { packageSource } from './package-source.js';
import type { Shape } from './shape.js';

/** One locked package variant: a v5/v6 `packages` entry or a v9 snapshot joined with its `packages` metadata. */
export interface LockNode {
  /** The exact key (with any peer suffix). */
  readonly key: string;
  readonly name: string;
  readonly version: string | undefined;
  readonly source: PackageSource;
  readonly integrity: string | undefined;
  /** `dependencies` and `optionalDependencies`: [name, reference, field]. */
  readonly deps: readonly (readonly [name: string, ref: string, field: DepField])[];
  /** pnpm's own flags (v5/v6 `dev`; `optional` in every version). */
  readonly dev: boolean | undefined;
  readonly optional: boolean;
  readonly at: readonly string[];
}

export type DepField = 'dependencies' | 'optionalDependencies';
const DEP_FIELDS: readonly DepField[] = ['dependencies', 'optionalDependencies'];

interface Context {
  readonly family: PnpmFamily;
  readonly shape: Shape;
  readonly lockDir: string;
  readonly warnings: string[];
}

/** All nodes of a document, per the family's layout. */
export function readNodes(doc: Record<string, unknown>, family: PnpmFamily, shape: Shape, lockDir: string, warnings: string[]): LockNode[] {
  const ctx: Context = { family, shape, lockDir, warnings };
  const packages = shape.optionalMap(doc.packages, ['packages']) ?? {};
  return family.layout === 'combined' ? combinedNodes(packages, ctx) : splitNodes(packages, shape.optionalMap(doc.snapshots, ['snapshots']) ?? {}, ctx);
}

function combinedNodes(packages: Record<string, unknown>, ctx: Context): LockNode[] {
  return Object.entries(packages).map(([key, value]) => {
    const at = ['packages', key];
    const entry = ctx.shape.optionalMap(value, at) ?? {};
    return node(key, entry, entry, at, at, ctx);
  });
}

/** v9: graph nodes are snapshots; metadata comes from `packages[<key without peers>]`. */
function splitNodes(packages: Record<string, unknown>, snapshots: Record<string, unknown>, ctx: Context): LockNode[] {
  const nodes: LockNode[] = [];
  const described = new Set<string>();
  for (const [key, value] of Object.entries(snapshots)) {
    const at = ['snapshots', key];
    const snapshot = ctx.shape.optionalMap(value, at) ?? {};
    const base = ctx.family.keys.withoutPeers(key);
    const metaAt = ['packages', base];
    const meta = Object.hasOwn(packages, base) ? ctx.shape.optionalMap(packages[base], metaAt) ?? {} : undefined;
    if (meta === undefined) ctx.warnings.push(`${ctx.shape.file}: snapshot ${key} has no packages entry ${base}; recorded without resolution`);
    else described.add(base);
    nodes.push(node(key, meta ?? {}, snapshot, meta !== undefined ? metaAt : at, at, ctx));
  }
  for (const [key, value] of Object.entries(packages)) {
    if (described.has(key)) continue;
    const at = ['packages', key];
    nodes.push(node(key, ctx.shape.optionalMap(value, at) ?? {}, {}, at, at, ctx));
  }
  return nodes;
}

function node(
  key: string,
  meta: Record<string, unknown>,
  graph: Record<string, unknown>,
  metaAt: readonly string[],
  graphAt: readonly string[],
  ctx: Context,
): LockNode {
  const { shape, family } = ctx;
  const parsed = family.keys.parse(key);
  const name = shape.optionalString(meta.name, [...metaAt, 'name']) ?? parsed?.name;
  if (name === undefined || name === '') ctx.shape.fail(`cannot tell the package name of key ${JSON.stringify(key)} (no name field)`, metaAt);
  const explicitVersion = shape.optionalString(meta.version, [...metaAt, 'version']);
  const version = explicitVersion ?? (parsed?.registryShaped === true ? parsed.version : undefined);
  const resolution = readResolution(meta.resolution, [...metaAt, 'resolution'], shape);
  const source = packageSource({
    key,
    name,
    version,
    registryShaped: parsed?.registryShaped === true,
    keyVersion: parsed?.registryShaped === false ? parsed.version : undefined,
    resolution,
    lockDir: ctx.lockDir,
  });
  const deps = DEP_FIELDS.flatMap((field) => shape.stringMap(graph[field], [...graphAt, field]).map(([dep, ref]) => [dep, ref, field] as const));
  return {
    key,
    name,
    version,
    source,
    integrity: resolution.integrity,
    deps,
    dev: shape.optionalBoolean(graph.dev ?? meta.dev, [...graphAt, 'dev']),
    optional: shape.optionalBoolean(graph.optional ?? meta.optional, [...graphAt, 'optional']) === true,
    at: graphAt,
  };
}

function readResolution(value: unknown, at: readonly string[], shape: Shape): Resolution {
  const map = shape.optionalMap(value, at) ?? {};
  const field = (name: keyof Resolution): Record<string, string> => {
    const text = shape.optionalString(map[name], [...at, name]);
    return text === undefined ? {} : { [name]: text };
  };
  return { ...field('integrity'), ...field('tarball'), ...field('repo'), ...field('commit'), ...field('type'), ...field('directory') };
}
