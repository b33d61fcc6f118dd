import { SemverVersionScheme } from './semver.js';

/**
 * Go modules: semver with or without the `v` prefix OSV drops. Pseudo-versions (`v0.0.0-20210101000000-abcdef123456`,
 * `v1.2.4-0.2021…`) are SemVer pre-releases, so they order correctly before the release they precede;
 * `+incompatible` is build metadata and ignored.
 */
export class GoVersionScheme extends SemverVersionScheme {
  override readonly name = 'go';
}
