/**
 * Where a keyless signature's OIDC identity token comes from, in order: an explicit token (`--identity-token`),
 * `SIGSTORE_ID_TOKEN`, or GitHub Actions' token endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL` + `_TOKEN`, audience
 * `sigstore`). Tokens are secrets: they never appear in messages.
 */
import { SigningError, UsageError } from '../core/errors.js';

export type IdentityTokenSource = 'flag' | 'SIGSTORE_ID_TOKEN' | 'github-actions';

export interface IdentityToken {
  readonly token: string;
  readonly source: IdentityTokenSource;
  /** The token's `iss` and `sub` claims (not verified here: Fulcio verifies the token). */
  readonly issuer?: string;
  readonly subject?: string;
}

export interface IdentityTokenOptions {
  readonly identityToken?: string;
  readonly env: NodeJS.ProcessEnv;
  /** Request timeout for the GitHub Actions endpoint. */
  readonly timeoutMs?: number;
}

/** Which source would supply a token, without fetching it (for `chainwarden run` to decide whether to sign). */
export function identityTokenSource(options: IdentityTokenOptions): IdentityTokenSource | undefined {
  if (options.identityToken !== undefined && options.identityToken !== '') return 'flag';
  if ((options.env['SIGSTORE_ID_TOKEN'] ?? '') !== '') return 'SIGSTORE_ID_TOKEN';
  if ((options.env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '') !== '' && (options.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '') !== '') return 'github-actions';
  return undefined;
}

/** Reads the claims of a JWT without verifying it; undefined when it is not a JWT. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function withClaims(token: string, source: IdentityTokenSource): IdentityToken {
  const claims = jwtClaims(token);
  if (claims === undefined) throw new UsageError(`the identity token from ${source} is not a JWT`);
  const issuer = typeof claims['iss'] === 'string' ? claims['iss'] : undefined;
  const subject = typeof claims['sub'] === 'string' ? claims['sub'] : typeof claims['email'] === 'string' ? claims['email'] : undefined;
  return { token, source, ...(issuer !== undefined ? { issuer } : {}), ...(subject !== undefined ? { subject } : {}) };
}

async function githubActionsToken(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  const base = env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '';
  const url = new URL(base);
  url.searchParams.set('audience', 'sigstore');
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? ''}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SigningError(`cannot get an OIDC token from GitHub Actions (${url.origin}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!response.ok) throw new SigningError(`cannot get an OIDC token from GitHub Actions (${url.origin}): HTTP ${response.status}`);
  const body = (await response.json().catch(() => undefined)) as { value?: unknown } | undefined;
  if (typeof body?.value !== 'string' || body.value === '') throw new SigningError(`GitHub Actions' token endpoint (${url.origin}) returned no token`);
  return body.value;
}

/** The identity token for a keyless signature; a UsageError when no source has one. */
export async function getIdentityToken(options: IdentityTokenOptions): Promise<IdentityToken> {
  const source = identityTokenSource(options);
  switch (source) {
    case 'flag':
      return withClaims(options.identityToken ?? '', source);
    case 'SIGSTORE_ID_TOKEN':
      return withClaims(options.env['SIGSTORE_ID_TOKEN'] ?? '', source);
    case 'github-actions':
      return withClaims(await githubActionsToken(options.env, options.timeoutMs ?? 10_000), source);
    case undefined:
      throw new UsageError(
        'keyless signing needs an OIDC identity token: run in GitHub Actions with `permissions: id-token: write`, set SIGSTORE_ID_TOKEN, or pass --identity-token',
      );
  }
}
