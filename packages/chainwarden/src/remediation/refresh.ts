/**
 * One refresh of the whole remediation view, as `backlog refresh` and the `backlog` stage of `chainwarden run` do
 * it: the backlog from the latest scan of each product (owners from chainwarden.yaml / CODEOWNERS; fix targets
 * checked against the advisory records in the registry), then the risk register from the backlog.
 */
import type { ChainwardenConfig } from '../config-schema.js';
import { DbAdvisoryStore } from '../advisories/db-store.js';
import { loadOwners } from '../hygiene/owners.js';
import type { Registry } from '../registry/database.js';
import type { RefreshReport } from './backlog-refresh.js';
import { refreshBacklog } from './backlog-refresh.js';
import { advisoryFixOracle } from './fix-oracle.js';
import type { RiskRefreshReport } from './risk-register.js';
import { refreshRisks } from './risk-register.js';
import { slaDays } from './severity.js';

export interface RemediationRefresh {
  readonly backlog: RefreshReport;
  readonly risk: RiskRefreshReport;
  /** CODEOWNERS lines skipped (as GitHub would), file:line and why. */
  readonly ownerWarnings: readonly string[];
}

export async function refreshRemediation(registry: Registry, options: { readonly projectDir: string; readonly config: ChainwardenConfig; readonly actor: string; readonly now: Date }): Promise<RemediationRefresh> {
  const owners = await loadOwners(options.projectDir, options.config);
  const store = new DbAdvisoryStore(registry);
  const backlog = await refreshBacklog(registry, {
    actor: options.actor,
    now: options.now,
    sla: slaDays(options.config.backlog),
    owners,
    oracle: (scans) => advisoryFixOracle(store, scans.map((s) => s.report)),
  });
  const risk = await refreshRisks(registry, { actor: options.actor, now: options.now, ...(options.config.risk !== undefined ? { config: options.config.risk } : {}) });
  return { backlog, risk, ownerWarnings: owners.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`) };
}
