/**
 * pnpm "dependency paths": the keys of `packages` / `snapshots` and the references under `dependencies`.
 * Three spellings exist; each is one DepPathSyntax object, chosen by the lockfile family (see families.ts).
 *
 *   v5  `/name/1.0.0_peer@2.0.0`        reference `1.0.0_peer@2.0.0`, alias `/real/1.0.0`
 *   v6  `/name@1.0.0(peer@2.0.0)`       reference `1.0.0(peer@2.0.0)`, alias `/real@1.0.0`
 *   v9  `name@1.0.0(peer@2.0.0)`        reference `1.0.0(peer@2.0.0)`, alias `real@1.0.0`
 *
 * Keys that are not registry-shaped (`github.com/u/r/<sha>`, `file:dir`, `name@https://…`) carry `name` and
 * `version` fields in their entry; parse() returns what it can and the caller prefers the entry's fields.
 */

export interface KeyParts {
  readonly name: string;
  /** The version with any peer/patch suffix removed; may be a URL or `file:` spec for non-registry v9 keys. */
  readonly version: string;
  /** True when the key has the shape of a registry package (name + plain version, not a URL or path spec). */
  readonly registryShaped: boolean;
}

export interface DepPathSyntax {
  /** Splits a key into name and version (peer suffix removed); undefined when the key has no recognisable name. */
  parse(key: string): KeyParts | undefined;
  /** The key a dependency reference points at, or undefined for `link:` references (resolved by path instead). */
  refToKey(name: string, ref: string): string | undefined;
  /** The key with its peer suffix removed (the identity pnpm shares between peer variants). */
  withoutPeers(key: string): string;
}

/** Peer suffixes in v6/v9: everything from the first `(`. */
function cutParens(value: string): string {
  const at = value.indexOf('(');
  return at < 0 ? value : value.slice(0, at);
}

/** Peer suffixes in v5: `_peer@x+other@y` (semver never contains `_`), and `(…)` for safety. */
function cutUnderscore(value: string): string {
  const at = value.indexOf('_');
  return cutParens(at < 0 ? value : value.slice(0, at));
}

/** Versions that are specs rather than versions: `file:…`, `https://…`, `git+ssh://…`. */
const SPEC = /[:/]/;

/** `@scope/name` or `name`, then the rest after the separator at `sepAt`. */
function splitAt(body: string, sepAt: number): { name: string; rest: string } | undefined {
  if (sepAt <= 0) return undefined;
  const name = body.slice(0, sepAt);
  if (name === '' || name === '@' || name.includes(':')) return undefined;
  return { name, rest: body.slice(sepAt + 1) };
}

function parts(name: string, rawVersion: string, cut: (v: string) => string): KeyParts | undefined {
  const version = cut(rawVersion);
  if (version === '') return undefined;
  return { name, version, registryShaped: !SPEC.test(version) };
}

/** v5: `/name/version` and `/@scope/name/version`. */
export const SLASH_SYNTAX: DepPathSyntax = {
  parse(key) {
    if (!key.startsWith('/')) return undefined;
    const body = key.slice(1);
    const segments = body.split('/');
    const nameLength = body.startsWith('@') ? 2 : 1;
    if (segments.length <= nameLength) return undefined;
    const name = segments.slice(0, nameLength).join('/');
    const split = splitAt(body, name.length);
    return split === undefined ? undefined : parts(split.name, split.rest, cutUnderscore);
  },
  refToKey(name, ref) {
    if (ref.startsWith('link:')) return undefined;
    if (ref.startsWith('file:')) return ref;
    return cutUnderscore(ref).includes('/') ? ref : `/${name}/${ref}`;
  },
  withoutPeers(key) {
    const parsed = SLASH_SYNTAX.parse(key);
    return parsed === undefined ? key : `/${parsed.name}/${parsed.version}`;
  },
};

/** v6: `/name@version` and `/@scope/name@version`. */
export const SLASH_AT_SYNTAX: DepPathSyntax = {
  parse(key) {
    if (!key.startsWith('/')) return undefined;
    const body = key.slice(1);
    const split = splitAt(body, body.indexOf('@', 1));
    return split === undefined ? undefined : parts(split.name, split.rest, cutParens);
  },
  refToKey(name, ref) {
    if (ref.startsWith('link:')) return undefined;
    if (ref.startsWith('file:')) return ref;
    return cutParens(ref).includes('/') ? ref : `/${name}@${ref}`;
  },
  withoutPeers(key) {
    return cutParens(key);
  },
};

/** An alias reference names its target: `real@1.0.0`, `@scope/real@1.0.0(peer@2)`. */
const ALIAS_REF = /^(?:@[^/@:()]+\/)?[^/@:()]+@/;

/** v9: `name@version` and `@scope/name@version`; references may be `name@…` aliases or URLs. */
export const AT_SYNTAX: DepPathSyntax = {
  parse(key) {
    const split = splitAt(key, key.indexOf('@', 1));
    return split === undefined ? undefined : parts(split.name, split.rest, cutParens);
  },
  refToKey(name, ref) {
    if (ref.startsWith('link:')) return undefined;
    return ALIAS_REF.test(ref) ? ref : `${name}@${ref}`;
  },
  withoutPeers(key) {
    return cutParens(key);
  },
};
