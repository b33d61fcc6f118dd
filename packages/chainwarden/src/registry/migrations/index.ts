import { initialMigration } from './0001-initial.js';
import { advisoriesMigration } from './0002-advisories.js';
import { vexMigration } from './0003-vex.js';
import { scansMigration } from './0004-scans.js';
import { remediationMigration } from './0005-remediation.js';
import type { RegistryMigration } from './migration.js';

/** Every migration, in order. Add one: a file `NNNN-what.ts` here and one line in this list. */
export const MIGRATIONS: readonly RegistryMigration[] = [initialMigration, advisoriesMigration, vexMigration, scansMigration, remediationMigration];
