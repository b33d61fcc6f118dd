import { isRecord } from '../../../core/parse.js';
import { licenseFromString } from '../../component-builder.js';
import type { License } from '../../model.js';
import type { SourceContext } from '../../source.js';

/** What chainwarden takes from a package.json. */
export interface PackageManifest {
  readonly name?: string;
  readonly version?: string;
  readonly description?: string;
  readonly licenses: License[];
}

/**
 * Reads `<dir>/package.json` beside the lockfile. A manifest that is not a JSON object is reported as a warning
 * (the lockfile still describes the dependencies) and otherwise treated like a missing one.
 */
export async function readPackageManifest(ctx: SourceContext, dir: string, warnings: string[]): Promise<PackageManifest | 'missing' | 'invalid'> {
  const rel = dir === '.' ? 'package.json' : `${dir}/package.json`;
  const text = await ctx.readSibling(rel);
  if (text === undefined) return 'missing';
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  if (!isRecord(json)) {
    warnings.push(`${rel}: not a JSON object; ignored`);
    return 'invalid';
  }
  return {
    ...stringField(json, 'name'),
    ...stringField(json, 'version'),
    ...stringField(json, 'description'),
    licenses: manifestLicenses(json),
  };
}

function stringField(json: Record<string, unknown>, field: 'name' | 'version' | 'description'): Partial<Record<typeof field, string>> {
  const value = json[field];
  return typeof value === 'string' && value.trim() !== '' ? { [field]: value.trim() } : {};
}

/** `license: "MIT"`, the legacy `license: { type }` and `licenses: [{ type }]`. */
function manifestLicenses(json: Record<string, unknown>): License[] {
  const named = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    return isRecord(value) && typeof value.type === 'string' ? value.type : undefined;
  };
  const values = [named(json.license), ...(Array.isArray(json.licenses) ? json.licenses.map(named) : [])];
  return values.filter((v): v is string => v !== undefined && v.trim() !== '').map(licenseFromString);
}
