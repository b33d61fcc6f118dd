import mvncmp from 'mvncmp';
import type { VersionScheme } from './scheme.js';
import { sign } from './scheme.js';

/** Maven: ComparableVersion (via mvncmp). Every string is a Maven version. */
export class MavenVersionScheme implements VersionScheme {
  readonly name = 'maven';

  valid(version: string): boolean {
    return version.trim() !== '';
  }

  compare(a: string, b: string): number {
    return sign(mvncmp.compare(a, b), 0);
  }
}
