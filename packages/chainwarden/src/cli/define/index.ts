import { defineAdvisories } from './advisories.js';
import { defineAttest } from './attest.js';
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
import { defineVex } from './vex.js';
import { defineRetention } from './retention.js';
import { defineStore } from './store.js';
import { defineDocs } from './docs.js';
import { defineInit } from './init.js';
import { defineScorecard } from './scorecard.js';
import { defineHygiene } from './hygiene.js';
import { defineMatrix } from './matrix.js';
import { defineBacklog } from './backlog.js';
import { defineReview } from './review.js';
import { defineRisk } from './risk.js';

/** Every command, in the order `--help` lists them. Add a command: a file in cli/define/ and one line here. */
export const COMMANDS: readonly CommandDefinition[] = [
  defineRun,
  defineSbom,
  defineProvenance,
  defineChecksums,
  defineKeygen,
  defineSign,
  defineAttest,
  defineVerify,
  definePolicy,
  defineRego,
  defineSupplier,
  defineIngest,
  defineRegistry,
  defineAdvisories,
  defineScan,
  defineVex,
  defineStore,
  defineRetention,
  defineInit,
  defineDocs,
  defineScorecard,
  defineMatrix,
  defineHygiene,
  defineBacklog,
  defineRisk,
  defineReview,
];
