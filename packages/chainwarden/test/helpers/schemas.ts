import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as CycloneDX from '@cyclonedx/cyclonedx-library';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { REPO_ROOT } from './shared.js';

const require = createRequire(import.meta.url);

/** Validates CycloneDX JSON against the official schema (via the CycloneDX library); returns the errors or null. */
export async function cycloneDxJsonErrors(text: string, version: string): Promise<unknown> {
  const { Validation } = require('@cyclonedx/cyclonedx-library') as typeof CycloneDX;
  return new Validation.JsonStrictValidator(version as CycloneDX.Spec.Version).validate(text);
}

let spdxValidator: ValidateFunction | undefined;

/** Validates SPDX 2.3 JSON against the official SPDX 2.3 schema; returns the errors or null. */
export function spdxErrors(text: string): unknown {
  if (spdxValidator === undefined) {
    const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
    const addFormats = require('ajv-formats') as FormatsPlugin;
    const ajv = new Ajv({ strict: false, allErrors: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/chainwarden/test/schemas/spdx-2.3.schema.json'), 'utf8')) as object;
    spdxValidator = ajv.compile(schema);
  }
  return spdxValidator(JSON.parse(text)) ? null : spdxValidator.errors;
}
