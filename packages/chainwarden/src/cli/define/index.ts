import { defineAdvisories } from './advisories.js';
import { defineAttest } from './attest.js';
import { defineBacklogSyncStandIn } from './backlog-sync.js';
import { defineChecksums } from './checksums.js';
import { defineIngest } from './ingest.js';
import type { CommandDefinition } from './context.js';
import { definePolicy } from './policy.js';
import { defineProvenance } from './provenance.js';
import { defineRego } from './rego.js';
import { defineRegistry } from './registry.js';
import { defineRun } from './run.js';
import { defineScan } from './scan.js';
import { defineKeygen } from './keygen.js';
import { defineSbom } from './sbom.js';
import { defineSign } from './sign.js';
import { defineSupplier } from './supplier.js';
import { defineVerify } from './verify.js';

/** Every command, in the order `--help` lists them. Add a command: a file in cli/define/ and one line here. */
export const COMMANDS: readonly CommandDefinition[] = [defineRun, defineSbom, defineProvenance, defineChecksums, defineKeygen, defineSign, defineAttest, defineVerify, definePolicy, defineRego, defineSupplier, defineIngest, defineRegistry, defineAdvisories, defineScan, defineBacklogSyncStandIn];
