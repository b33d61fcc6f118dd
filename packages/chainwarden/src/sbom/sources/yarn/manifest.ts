/**
 * `package.json` files of the project that owns a yarn.lock: the root's (beside the lockfile) and the workspace
 * members'. A yarn lockfile records no dev flags, so these are what tells dev dependencies apart.
 */
import { posix } from 'node:path';
import { isRecord } from '../../../core/parse.js';
import { licenseFromString } from '../../component-builder.js';
import type { License } from '../../model.js';
import type { SourceContext } from '../../source.js';
import type { YarnDependency } from './yarn-lock-model.js';

export interface PackageManifest {
  /** Path relative to the project directory (POSIX). */
  readonly path: string;
  readonly name: string | undefined;
  readonly version: string | undefined;
  readonly description: string | undefined;
  readonly licenses: License[];
  /** dependencies (required), optionalDependencies (optional), devDependencies (dev); one entry per name. */
  readonly dependencies: YarnDependency[];
  /** The `workspaces` globs (array, or `{ packages: [...] }`). */
  readonly workspaces: string[];
  /** `resolutions` (pattern → range); only the root's count. */
  readonly resolutions: Record<string, string>;
}

/**
 * Reads `<dir>/package.json` relative to the lockfile's directory. Absent → undefined. A manifest that is not
 * JSON or not an object → undefined plus a warning: the lockfile alone still yields an SBOM.
 */
export async function readManifest(ctx: SourceContext, dir: string, warnings: string[]): Promise<PackageManifest | undefined> {
  const relToLock = posix.join(dir, 'package.json');
  const path = posix.join(posix.dirname(ctx.lockfileRel), relToLock);
  const text = await ctx.readSibling(relToLock);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    warnings.push(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}); it was ignored`);
    return undefined;
  }
  if (!isRecord(json)) {
    warnings.push(`${path} is not a JSON object; it was ignored`);
    return undefined;
  }
  return {
    path,
    name: nonEmpty(json['name']),
    version: nonEmpty(json['version']),
    description: nonEmpty(json['description']),
    licenses: licensesOf(json['license'] ?? json['licenses']),
    dependencies: declaredDependencies(json),
    workspaces: workspaceGlobs(json['workspaces']),
    resolutions: stringRecord(json['resolutions']),
  };
}

/** `optionalDependencies` wins over `dependencies` (npm and yarn treat a name in both as optional); dev comes last. */
function declaredDependencies(json: Record<string, unknown>): YarnDependency[] {
  const out = new Map<string, YarnDependency>();
  const groups = [
    ['optionalDependencies', 'optional'],
    ['dependencies', 'required'],
    ['devDependencies', 'dev'],
  ] as const;
  for (const [field, kind] of groups) {
    const deps = json[field];
    if (!isRecord(deps)) continue;
    for (const [name, range] of Object.entries(deps)) {
      if (typeof range !== 'string' || out.has(name)) continue;
      out.set(name, { name, range, kind });
    }
  }
  return [...out.values()];
}

function workspaceGlobs(value: unknown): string[] {
  const list = isRecord(value) ? value['packages'] : value;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
}

function licensesOf(value: unknown): License[] {
  const one = (v: unknown): License | undefined => {
    if (typeof v === 'string' && v.trim() !== '') return licenseFromString(v);
    if (isRecord(v) && typeof v['type'] === 'string' && v['type'].trim() !== '') return licenseFromString(v['type']);
    return undefined;
  };
  const list = Array.isArray(value) ? value.map(one) : [one(value)];
  return list.filter((l): l is License => l !== undefined);
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
