import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { REPO_ROOT } from './shared.js';

const require = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

/** Validates a document against our strict in-toto Statement v1 + SLSA provenance v1 schema; returns the errors or null. */
export function provenanceSchemaErrors(document: unknown): unknown {
  if (validator === undefined) {
    const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
    const addFormats = require('ajv-formats') as FormatsPlugin;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/chainwarden/test/schemas/in-toto-statement-v1-slsa-provenance-v1.schema.json'), 'utf8')) as object;
    validator = ajv.compile(schema);
  }
  return validator(document) ? null : validator.errors;
}
