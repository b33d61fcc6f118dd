import { posix } from 'node:path';
import { isRecord } from '../../../core/parse.js';
import type { SourceContext } from '../../source.js';
import { compareStrings } from './lock-document.js';

/** What the `package.json` beside the lockfile says about the root project. */
export interface RootManifest {
  /** Path of the manifest relative to the project (POSIX). */
  readonly path: string;
  readonly name?: string | undefined;
  readonly version?: string | undefined;
  readonly description?: string | undefined;
  readonly license: unknown;
  /** Every dependency name it declares (all groups), for lockfiles that do not record the root's own deps (v1). */
  readonly dependencyNames: string[];
}

const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * Reads `package.json` beside the lockfile. Absent → undefined; unreadable JSON or a non-object → undefined plus a
 * warning (the lockfile alone still yields a correct SBOM, so a broken manifest does not fail the run).
 */
export async function readRootManifest(ctx: SourceContext, warnings: string[]): Promise<RootManifest | undefined> {
  const text = await ctx.readSibling('package.json');
  const path = posix.join(posix.dirname(ctx.lockfileRel), 'package.json');
  if (text === undefined) {
    warnings.push(`no package.json beside ${ctx.lockfileRel}: the root project is described from the lockfile`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    warnings.push(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}); the root is taken from the lockfile`);
    return undefined;
  }
  if (!isRecord(json)) {
    warnings.push(`${path} is not a JSON object; the root is taken from the lockfile`);
    return undefined;
  }
  const names = new Set<string>();
  for (const field of DEP_FIELDS) {
    const deps = json[field];
    if (isRecord(deps)) for (const name of Object.keys(deps)) names.add(name);
  }
  return {
    path,
    name: stringOrUndefined(json['name']),
    version: stringOrUndefined(json['version']),
    description: stringOrUndefined(json['description']),
    license: json['license'] ?? json['licenses'],
    dependencyNames: [...names].sort(compareStrings),
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
