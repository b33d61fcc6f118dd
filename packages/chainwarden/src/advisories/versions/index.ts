import { AlpineVersionScheme } from './alpine.js';
import { CranVersionScheme } from './cran.js';
import { DebianVersionScheme } from './debian.js';
import { GoVersionScheme } from './go.js';
import { HackageVersionScheme } from './hackage.js';
import { MavenVersionScheme } from './maven.js';
import { NuGetVersionScheme } from './nuget.js';
import { PackagistVersionScheme } from './packagist.js';
import { PubVersionScheme } from './pub.js';
import { Pep440VersionScheme } from './pypi.js';
import { RpmVersionScheme } from './rpm.js';
import { RubyGemsVersionScheme } from './rubygems.js';
import type { VersionScheme } from './scheme.js';
import { SemverVersionScheme } from './semver.js';

export type { VersionScheme } from './scheme.js';

const semver = new SemverVersionScheme();
const rpm = new RpmVersionScheme();

/**
 * OSV ecosystem name → its version scheme. Add an ecosystem: a file in this folder and one line here.
 * Ecosystems not listed are matched only by exact `versions[]` entries (reported as such).
 */
export const SCHEMES: Readonly<Record<string, VersionScheme>> = {
  PyPI: new Pep440VersionScheme(),
  npm: semver,
  'crates.io': semver,
  Go: new GoVersionScheme(),
  Maven: new MavenVersionScheme(),
  RubyGems: new RubyGemsVersionScheme(),
  NuGet: new NuGetVersionScheme(),
  Debian: new DebianVersionScheme(),
  Pub: new PubVersionScheme(),
  Packagist: new PackagistVersionScheme(),
  Alpine: new AlpineVersionScheme(),
  CRAN: new CranVersionScheme(),
  Hackage: new HackageVersionScheme(),
  'Red Hat': rpm,
  AlmaLinux: rpm,
  'Rocky Linux': rpm,
  SUSE: rpm,
  openSUSE: rpm,
  Mageia: rpm,
  openEuler: rpm,
};

/** The scheme of an OSV ecosystem (`Debian:12` uses Debian's), or undefined. */
export function schemeFor(ecosystem: string): VersionScheme | undefined {
  const base = ecosystem.split(':', 1)[0] ?? ecosystem;
  return Object.hasOwn(SCHEMES, base) ? SCHEMES[base] : undefined;
}
