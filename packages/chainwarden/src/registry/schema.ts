/**
 * The registry's tables as Kysely sees them. Timestamps are ISO 8601 text (portable and deterministic), JSON is
 * text, ids are integers. One schema for SQLite and PostgreSQL; migrations/ creates it.
 */
import type { Generated } from 'kysely';

export interface SupplierTable {
  id: Generated<number>;
  name: string;
  /** The supplier's trust (one `suppliers.<name>` entry of a trust policy, keys inlined as `pem`), as JSON. */
  trust: string;
  created_at: string;
}

export interface ProductTable {
  id: Generated<number>;
  name: string;
  /** NULL for first-party products (chainwarden's own SBOMs). */
  supplier_id: number | null;
  created_at: string;
}

/** Original bytes, content-addressed. */
export interface DocumentTable {
  sha256: string;
  content: Uint8Array;
  size: number;
  format: string;
  spec_version: string;
}

export interface VersionTable {
  id: Generated<number>;
  product_id: number;
  version: string;
  document_sha256: string;
  previous_version_id: number | null;
  ingested_at: string;
  ingested_by: string;
  /** `verified`, `unsigned` (ingested with --allow-unsigned) or `first-party`. */
  signature: string;
  /** The verification result (checks, signer, signing times) as JSON, or NULL. */
  verification: string | null;
  bundle: string | null;
  signer_issuer: string | null;
  signer_subject: string | null;
  signer_repository: string | null;
  signer_key: string | null;
  quality: string;
  component_count: number;
  quarantined_count: number;
  /** Set by `registry reverify` when today's trust policies no longer accept the signature. */
  reverify_status: string | null;
  reverify_detail: string | null;
}

export interface ComponentTable {
  version_id: number;
  bom_ref: string;
  type: string;
  name: string;
  group_name: string | null;
  version: string | null;
  purl: string | null;
  /** The purl without version, qualifiers and subpath (`pkg:npm/%40scope/name`): `registry where` without a version. */
  purl_base: string | null;
  licenses: string | null;
}

export interface DependencyTable {
  version_id: number;
  ref: string;
  depends_on: string;
}

export interface QuarantineTable {
  version_id: number;
  bom_ref: string;
  name: string;
  reasons: string;
  component: string;
}

export interface AuditTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditSealTable {
  id: Generated<number>;
  seq: number;
  head_hash: string;
  sealed_at: string;
  bundle: string;
}

/** OSV advisories (migration 0002-advisories; issue 8). `record` is the parsed OSV record as JSON. */
export interface AdvisoryTable {
  id: string;
  modified: string;
  withdrawn: number;
  malicious: number;
  source: string;
  record: string;
  imported_at: string;
}

export interface AdvisoryPackageTable {
  advisory_id: string;
  /** `PyPI/requests`: OSV ecosystem and normalised name (advisories/ecosystems.ts). */
  package_key: string;
}

export interface AdvisoryAliasTable {
  advisory_id: string;
  alias: string;
}

/** VEX documents ingested with an SBOM (migration 0003-vex), content-addressed; `report` is the match report as JSON. */
export interface VexDocumentTable {
  id: Generated<number>;
  sha256: string;
  content: Uint8Array;
  size: number;
  /** `openvex`, `cyclonedx` or `csaf`; `format_version` e.g. `openvex 0.2.0`. */
  format: string;
  format_version: string;
  document_id: string;
  document_version: number | null;
  document_timestamp: string | null;
  issuer: string | null;
  supplier_id: number | null;
  /** The product version whose SBOM it was ingested with. */
  version_id: number;
  ingested_at: string;
  ingested_by: string;
  /** `verified` or `unsigned` (--allow-unsigned). */
  signature: string;
  verification: string | null;
  bundle: string | null;
  signer_issuer: string | null;
  signer_subject: string | null;
  signer_repository: string | null;
  signer_key: string | null;
  report: string;
}

/** One normalised VEX statement (vex/statement.ts); `products` is JSON, `matched` the number of SBOM components it names. */
export interface VexStatementTable {
  vex_document_id: number;
  seq: number;
  at: string;
  vulnerability: string;
  aliases: string;
  status: string;
  source_status: string;
  justification: string | null;
  impact: string | null;
  action_statement: string | null;
  timestamp: string | null;
  products: string;
  matched: number;
}

/** One recorded scan (migration 0004-scans): `counts` is ScanReport.counts and `report` the full ScanReport, as JSON. */
export interface ScanTable {
  id: Generated<number>;
  product: string;
  product_version: string | null;
  /** The SBOM as the user named it, or `registry:<product>@<version>`. */
  sbom: string;
  sbom_sha256: string | null;
  scanned_at: string;
  scanned_by: string;
  advisory_records: number;
  counts: string;
  report: string;
}

/** A VEX document imported into the ledger by `vex import` (migration 0004-scans), content-addressed. */
export interface VexLedgerTable {
  id: Generated<number>;
  sha256: string;
  content: Uint8Array;
  size: number;
  /** The file as the user named it. */
  file: string;
  format: string;
  format_version: string;
  document_id: string;
  document_version: number | null;
  document_timestamp: string | null;
  issuer: string | null;
  /** `supplier` (--supplier) or `internal` (the user's own VEX). */
  origin: string;
  supplier_id: number | null;
  /** --product: the statements apply to this product only; NULL = to every product they name. */
  product_id: number | null;
  imported_at: string;
  imported_by: string;
  /** `verified`, `unsigned` (--allow-unsigned) or `internal`. */
  signature: string;
  verification: string | null;
  bundle: string | null;
  signer_issuer: string | null;
  signer_subject: string | null;
  signer_repository: string | null;
  signer_key: string | null;
  /** The import report (matched, unmatched, skipped) as JSON. */
  report: string;
}

/** One normalised statement of a ledger document; `products` is JSON (vex/statement.ts VexProduct[]). */
export interface VexLedgerStatementTable {
  ledger_id: number;
  seq: number;
  at: string;
  vulnerability: string;
  aliases: string;
  status: string;
  source_status: string;
  justification: string | null;
  impact: string | null;
  action_statement: string | null;
  timestamp: string | null;
  products: string;
}

/** Remediation (migration 0005-remediation; issue 9): types and meaning in src/remediation/. */
export interface ThreatFeedTable {
  /** `kev` or `epss`. */
  feed: string;
  version: string;
  released: string | null;
  entries: number;
  source: string;
  sha256: string;
  imported_at: string;
  imported_by: string;
}

export interface KevEntryTable {
  cve_id: string;
  vendor_project: string;
  product: string;
  vulnerability_name: string;
  date_added: string;
  due_date: string;
  ransomware: string;
  required_action: string;
  /** The catalog entry as JSON. */
  detail: string;
}

export interface EpssScoreTable {
  cve_id: string;
  epss: number;
  percentile: number;
  score_date: string | null;
}

export interface BacklogEntryTable {
  id: string;
  product: string;
  component_key: string;
  /** The component as JSON (name, version, purl, ecosystem). */
  component: string;
  action: string;
  target: string | null;
  severity: string;
  first_seen: string;
  due_date: string;
  due_source: string;
  status: string;
  resolution: string | null;
  accepted_until: string | null;
  owner: string;
  owner_source: string;
  /** The findings the entry clears, as JSON. */
  findings: string;
  /** Notes (at, actor, text), as JSON. */
  notes: string;
  scan_id: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface FindingSightingTable {
  product: string;
  component_key: string;
  vulnerability: string;
  first_seen: string;
  last_seen: string;
  closed_at: string | null;
}

export interface RiskEntryTable {
  id: string;
  backlog_id: string;
  product: string;
  title: string;
  /** Likelihood, impact and their bases, as JSON. */
  assessment: string;
  exposure: number;
  owner: string;
  treatment: string;
  status: string;
  review_date: string;
  accepted_until: string | null;
  residual: string | null;
  notes: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface RegistrySchema {
  suppliers: SupplierTable;
  products: ProductTable;
  documents: DocumentTable;
  versions: VersionTable;
  components: ComponentTable;
  dependencies: DependencyTable;
  quarantine: QuarantineTable;
  audit_log: AuditTable;
  audit_seals: AuditSealTable;
  advisories: AdvisoryTable;
  advisory_packages: AdvisoryPackageTable;
  advisory_aliases: AdvisoryAliasTable;
  vex_documents: VexDocumentTable;
  vex_statements: VexStatementTable;
  scans: ScanTable;
  threat_feeds: ThreatFeedTable;
  kev_entries: KevEntryTable;
  epss_scores: EpssScoreTable;
  backlog_entries: BacklogEntryTable;
  finding_sightings: FindingSightingTable;
  risk_entries: RiskEntryTable;
  vex_ledger: VexLedgerTable;
  vex_ledger_statements: VexLedgerStatementTable;
}
