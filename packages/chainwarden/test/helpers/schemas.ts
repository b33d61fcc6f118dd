import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as CycloneDX from '@cyclonedx/cyclonedx-library';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { REPO_ROOT, shared } from './shared.js';

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

let openVexValidator: ValidateFunction | undefined;

/** Validates OpenVEX JSON against the OpenVEX 0.2.0 JSON schema (../shared/vex/openvex/spec); returns the errors or null. */
export function openVexErrors(text: string): unknown {
  if (openVexValidator === undefined) {
    const { Ajv2020 } = require('ajv/dist/2020') as { Ajv2020: typeof AjvClass };
    const addFormats = require('ajv-formats') as FormatsPlugin;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('iri', /^[a-z][a-z0-9+.-]*:\S+$/iu);
    const schema = JSON.parse(readFileSync(shared('vex/openvex/spec/openvex_json_schema.json'), 'utf8')) as object;
    openVexValidator = ajv.compile(schema);
  }
  return openVexValidator(JSON.parse(text)) ? null : openVexValidator.errors;
}
