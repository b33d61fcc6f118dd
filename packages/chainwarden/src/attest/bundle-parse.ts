/**
 * Reads an untrusted Sigstore bundle at the boundary: JSON, a known media type, then the structural checks of
 * @sigstore/bundle. Every problem is an InputError (BUNDLE_INVALID, exit 2) naming the file and the field.
 */
import type { Bundle, SerializedBundle } from '@sigstore/bundle';
import { InputError } from '../core/errors.js';
import { isRecord, parseJsonText } from '../core/parse.js';
import type { BundleVersion } from './bundle-format.js';
import { BUNDLE_MEDIA_TYPES } from './bundle-format.js';

export interface ParsedBundle {
  readonly file: string;
  readonly bundle: Bundle;
  readonly json: SerializedBundle;
  readonly version: BundleVersion;
  readonly content: 'messageSignature' | 'dsseEnvelope';
}

function bundleError(file: string, message: string, path?: string, cause?: unknown): InputError {
  return new InputError(`invalid Sigstore bundle: ${message}`, { file, ...(path !== undefined ? { path } : {}) }, { code: 'BUNDLE_INVALID', cause });
}

export async function parseBundleText(text: string, file: string): Promise<ParsedBundle> {
  const value = parseJsonText(text, file, (message, loc, cause) => new InputError(message, { file, ...loc }, { code: 'BUNDLE_INVALID', cause }));
  return parseBundleValue(value, file);
}

export async function parseBundleValue(value: unknown, file: string): Promise<ParsedBundle> {
  if (!isRecord(value)) throw bundleError(file, 'expected a JSON object');
  const mediaType = value['mediaType'];
  if (typeof mediaType !== 'string') throw bundleError(file, 'no mediaType', 'mediaType');
  const version = BUNDLE_MEDIA_TYPES[mediaType];
  if (version === undefined) {
    throw bundleError(file, `unknown bundle version "${mediaType}" (supported: v0.1, v0.2, v0.3)`, 'mediaType');
  }
  const { bundleFromJSON } = await import('@sigstore/bundle');
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(value);
  } catch (error) {
    const fields = (error as { fields?: unknown }).fields;
    const path = Array.isArray(fields) && fields.length > 0 ? fields.map(String).join(', ') : undefined;
    throw bundleError(file, `${error instanceof Error ? error.message : String(error)}${path !== undefined ? ' (missing or malformed field)' : ''}`, path, error);
  }
  if (!version.certificateChainAllowed && bundle.verificationMaterial.content.$case === 'x509CertificateChain') {
    throw bundleError(file, `a v${version.version} bundle must carry a single certificate, not a chain`, 'verificationMaterial.x509CertificateChain');
  }
  return { file, bundle, json: value as SerializedBundle, version, content: bundle.content.$case };
}
