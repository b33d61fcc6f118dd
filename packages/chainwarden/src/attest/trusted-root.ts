/**
 * Trusted roots (the Sigstore `TrustedRoot` document: Fulcio CAs, Rekor logs, CT logs, timestamp authorities):
 * from a file, or the Sigstore public-good root embedded in @sigstore/tuf (no network: verification works offline).
 * Stricter than sigstore-js: every key and authority must say when its validity starts (a missing start is
 * rejected, never read as "since forever").
 */
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { InputError, IoError } from '../core/errors.js';
import { isRecord, keyPath, parseJsonText } from '../core/parse.js';

export const TRUSTED_ROOT_MEDIA_TYPES: readonly string[] = [
  'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  'application/vnd.dev.sigstore.trustedroot.v0.2+json',
];

export interface LoadedTrustedRoot {
  readonly root: TrustedRoot;
  /** The file it came from, or `embedded: Sigstore public-good (@sigstore/tuf <version>)`. */
  readonly source: string;
}

const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';

function rootError(file: string, message: string, path?: string, cause?: unknown): InputError {
  return new InputError(`invalid trusted root: ${message}`, { file, ...(path !== undefined ? { path } : {}) }, { code: 'TRUST_ROOT_INVALID', cause });
}

/** Checks what sigstore-js leaves out: every validity window has a start, and no window ends before it starts. */
export function checkTrustedRootValidity(value: Record<string, unknown>, file: string): void {
  const windows: [string, unknown][] = [];
  for (const list of ['tlogs', 'ctlogs'] as const) {
    const entries = value[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: unknown, i) => {
      const key = isRecord(entry) ? entry['publicKey'] : undefined;
      windows.push([keyPath(list, i, 'publicKey', 'validFor'), isRecord(key) ? key['validFor'] : undefined]);
    });
  }
  for (const list of ['certificateAuthorities', 'timestampAuthorities'] as const) {
    const entries = value[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: unknown, i) => windows.push([keyPath(list, i, 'validFor'), isRecord(entry) ? entry['validFor'] : undefined]));
  }
  for (const [path, window] of windows) {
    if (!isRecord(window) || typeof window['start'] !== 'string' || window['start'] === '') {
      throw rootError(file, 'a validity window has no start (a missing start is not "valid since forever")', `${path}.start`);
    }
    const start = Date.parse(window['start']);
    if (Number.isNaN(start)) throw rootError(file, `"${window['start']}" is not a timestamp`, `${path}.start`);
    const end = window['end'];
    if (end !== undefined && end !== null) {
      if (typeof end !== 'string' || Number.isNaN(Date.parse(end))) throw rootError(file, 'not a timestamp', `${path}.end`);
      if (Date.parse(end) < start) throw rootError(file, 'the validity window ends before it starts', path);
    }
  }
}

/** Parses an untrusted trusted-root document. */
export async function parseTrustedRoot(text: string, file: string): Promise<TrustedRoot> {
  const value = parseJsonText(text, file, (message, loc, cause) => new InputError(message, { file, ...loc }, { code: 'TRUST_ROOT_INVALID', cause }));
  if (!isRecord(value)) throw rootError(file, 'expected a JSON object');
  const mediaType = value['mediaType'];
  if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPES.includes(mediaType)) {
    throw rootError(file, `unknown media type ${JSON.stringify(mediaType)} (supported: ${TRUSTED_ROOT_MEDIA_TYPES.join(', ')})`, 'mediaType');
  }
  for (const list of ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities']) {
    if (value[list] !== undefined && !Array.isArray(value[list])) throw rootError(file, 'expected an array', list);
  }
  checkTrustedRootValidity(value, file);
  const { TrustedRoot } = await import('@sigstore/protobuf-specs');
  try {
    return TrustedRoot.fromJSON(value);
  } catch (error) {
    throw rootError(file, error instanceof Error ? error.message : String(error), undefined, error);
  }
}

/** The Sigstore public-good trusted root shipped inside @sigstore/tuf (its TUF seeds). */
export async function embeddedPublicGoodRoot(): Promise<LoadedTrustedRoot> {
  const require = createRequire(import.meta.url);
  const seedsPath = require.resolve('@sigstore/tuf/seeds.json');
  const { version } = require('@sigstore/tuf/package.json') as { version: string };
  const seeds = JSON.parse(await readFile(seedsPath, 'utf8')) as Record<string, { targets?: Record<string, string> }>;
  const encoded = seeds[PUBLIC_GOOD_TUF]?.targets?.['trusted_root.json'];
  if (encoded === undefined) throw new IoError(`@sigstore/tuf ${version}: no embedded trusted_root.json for ${PUBLIC_GOOD_TUF}`);
  const source = `embedded: Sigstore public-good (@sigstore/tuf ${version})`;
  return { root: await parseTrustedRoot(Buffer.from(encoded, 'base64').toString('utf8'), source), source };
}

/** A trusted root from `file`, or the embedded public-good root when `file` is undefined. */
export async function loadTrustedRoot(file: string | undefined, display: string = file ?? ''): Promise<LoadedTrustedRoot> {
  if (file === undefined) return embeddedPublicGoodRoot();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new IoError(`${display}: cannot read the trusted root (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return { root: await parseTrustedRoot(text, display), source: display };
}
