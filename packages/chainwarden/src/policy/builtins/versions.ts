/**
 * Version ordering per ecosystem: `version.compare(scheme, a, b)` -> -1, 0 or 1 and `version.is_valid(scheme, v)`,
 * for the schemes in VERSION_SCHEMES (semver for npm/cargo/go, PEP 440 for PyPI). Rego's own `semver.compare`
 * stays available for strict SemVer 2.0.0.
 */
import { createRequire } from 'node:module';
import { fail } from '@chainwarden/rego';
import type { BuiltinDecl } from '@chainwarden/rego';
import type * as Semver from 'semver';

interface VersionScheme {
  valid(v: string): boolean;
  compare(a: string, b: string): number;
}

const require = createRequire(import.meta.url);

function semverScheme(): VersionScheme {
  const semver = require('semver') as typeof Semver;
  return { valid: (v) => semver.valid(v, { loose: true }) !== null, compare: (a, b) => semver.compare(a, b, { loose: true }) };
}

function pep440Scheme(): VersionScheme {
  const pep440 = require('@renovatebot/pep440') as { valid(v: string): string | null; compare(a: string, b: string): number };
  return { valid: (v) => pep440.valid(v) !== null, compare: (a, b) => pep440.compare(a, b) };
}

/** One scheme per name (ecosystem names as purl types use them are aliases). */
export const VERSION_SCHEMES: Readonly<Record<string, () => VersionScheme>> = {
  semver: semverScheme,
  npm: semverScheme,
  cargo: semverScheme,
  golang: semverScheme,
  pep440: pep440Scheme,
  pypi: pep440Scheme,
};

function scheme(name: string, id: string): VersionScheme {
  const make = VERSION_SCHEMES[id];
  if (make === undefined) throw fail(name, `unknown version scheme ${JSON.stringify(id)} (one of ${Object.keys(VERSION_SCHEMES).join(', ')})`);
  return make();
}

export const VERSION_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'version.is_valid', args: ['string', 'string'], impl: ([s, v]) => scheme('version.is_valid', s as string).valid(v as string) },
  {
    name: 'version.compare',
    args: ['string', 'string', 'string'],
    impl: ([s, a, b]) => {
      const sch = scheme('version.compare', s as string);
      for (const v of [a, b] as string[]) if (!sch.valid(v)) throw fail('version.compare', `${JSON.stringify(v)} is not a valid ${s as string} version`);
      return Math.sign(sch.compare(a as string, b as string));
    },
  },
];
