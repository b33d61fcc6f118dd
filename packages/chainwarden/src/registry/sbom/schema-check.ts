/**
 * The official JSON schemas (CycloneDX's, shipped in @cyclonedx/cyclonedx-library; SPDX 2.3's in schemas/), compiled
 * once per version with every error reported, so one bad component does not hide the others.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import type { SchemaIssue } from './model.js';

const require = createRequire(import.meta.url);
const cache = new Map<string, ValidateFunction>();

function cycloneDxSchemaDir(): string {
  return join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
}

/** packages/chainwarden/schemas (from dist/src/registry/sbom at run time). */
function ownSchemaDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../schemas');
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/**
 * `uniqueItems` is dropped: ajv checks it by deep-comparing every pair (quadratic: seconds on a 2,500-component SBOM),
 * and the duplicates that matter (bom-refs) are checked by the semantic validation instead.
 */
function withoutUniqueItems(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUniqueItems);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'uniqueItems').map(([k, v]) => [k, withoutUniqueItems(v)]));
}

function compile(key: string): ValidateFunction {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const addDraft2019Formats = require('ajv-formats-draft2019') as (ajv: unknown) => unknown;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  addDraft2019Formats(ajv);
  let validate: ValidateFunction;
  if (key === 'spdx') validate = ajv.compile(withoutUniqueItems(readJson(join(ownSchemaDir(), 'spdx-2.3.schema.json'))) as Record<string, unknown>);
  else {
    const dir = cycloneDxSchemaDir();
    for (const [id, name] of [
      ['http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json', 'spdx.SNAPSHOT.schema.json'],
      ['http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json'],
      ['http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json', 'cryptography-defs.SNAPSHOT.schema.json'],
    ] as const) {
      const schema = readJson(join(dir, name));
      delete schema['$schema'];
      ajv.addSchema(schema, id);
    }
    validate = ajv.compile(withoutUniqueItems(readJson(join(dir, `bom-${key}.SNAPSHOT.schema.json`))) as Record<string, unknown>);
  }
  cache.set(key, validate);
  return validate;
}

/** Schema issues of a parsed JSON document: `specVersion` (CycloneDX) or `spdx`. At most `limit` are kept. */
export function schemaIssues(doc: unknown, schemaKey: string, limit = 10_000): SchemaIssue[] {
  const validate = compile(schemaKey);
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, limit).map((e) => ({ pointer: e.instancePath, message: `${e.instancePath === '' ? '(document)' : e.instancePath} ${e.message ?? e.keyword}`, keyword: e.keyword }));
}
