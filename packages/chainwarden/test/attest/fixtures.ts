import { readFileSync } from 'node:fs';
import type { ParsedBundle } from '../../src/attest/bundle-parse.js';
import { parseBundleText, parseBundleValue } from '../../src/attest/bundle-parse.js';
import type { LoadedTrustedRoot } from '../../src/attest/trusted-root.js';
import { loadTrustedRoot } from '../../src/attest/trusted-root.js';
import { shared } from '../helpers/shared.js';

/** A file of ../shared/conformance/sigstore. */
export function sig(...segments: string[]): string {
  return shared('conformance', 'sigstore', ...segments);
}

export function bundleAt(...segments: string[]): Promise<ParsedBundle> {
  return parseBundleText(readFileSync(sig(...segments), 'utf8'), segments.join('/'));
}

export function bundleValue(value: unknown, name: string): Promise<ParsedBundle> {
  return parseBundleValue(value, name);
}

export function rootAt(...segments: string[]): Promise<LoadedTrustedRoot> {
  return loadTrustedRoot(sig(...segments), segments.join('/'));
}

export const A_TXT = (): Buffer => readFileSync(sig('common', 'a.txt'));

export const BEACON =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
