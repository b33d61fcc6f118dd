/**
 * chainwarden's library API: `import { generateSbom } from 'chainwarden'`. A small surface; the CLI is built on it.
 */
export {
  ChainwardenError,
  ConfigError,
  ExitCode,
  InputError,
  IoError,
  LockfileError,
  KeyPasswordError,
  NoLockfileError,
  PolicyError,
  SigningError,
  UsageError,
} from './core/errors.js';
export type { ChainwardenErrorCode, InputErrorCode, InputLocation } from './core/errors.js';
export { loadConfig, CONFIG_FILE } from './core/config.js';
export type { LoadedConfig } from './core/config.js';
export type { ChainwardenConfig, SbomConfig } from './config-schema.js';
export { generateSbom, writeSbom } from './sbom/generate.js';
export type { SbomOptions, SbomResult, SbomSummary } from './sbom/generate.js';
export { readLockfile } from './sbom/read-lockfile.js';
export { assembleBom } from './sbom/assemble.js';
export type { AssembleOptions } from './sbom/assemble.js';
export type { Bom, BomComponent, BomRoot, BomSubProject } from './sbom/bom.js';
export type { Component, Ecosystem, ExternalReference, Hash, License, LockfileResult, PackageSource, RootProject, Scope } from './sbom/model.js';
export type { SbomSource, SourceContext } from './sbom/source.js';
export { SOURCES } from './sbom/sources/index.js';
export type { SbomFormat } from './sbom/formats.js';
export { CYCLONEDX_SPECS } from './sbom/cyclonedx/spec.js';
export type { CycloneDxSpec } from './sbom/cyclonedx/spec.js';
export { runPipeline } from './pipeline.js';
export type { PipelineOptions, PipelineResult, StageResult } from './pipeline.js';
export type { Stage, StageContext, StageOutput } from './pipeline/stage.js';
export { main } from './cli/main.js';
export { parseDsseEnvelope, preAuthEncoding, IN_TOTO_PAYLOAD_TYPE } from './attest/dsse.js';
export type { DsseEnvelope, DsseSignature } from './attest/dsse.js';
export { parseStatement, STATEMENT_V1 } from './attest/statement.js';
export type { ParsedStatement, ResourceDescriptor, Statement } from './attest/statement.js';
export { writeChecksums, verifyChecksums } from './attest/checksums.js';
export type { ChecksumsOptions, ChecksumsSummary, ChecksumsVerification, ChecksumCheck } from './attest/checksums.js';
export { generateProvenance, writeProvenance } from './attest/provenance.js';
export type { ProvenanceOptions, ProvenanceResult, ProvenanceSummary } from './attest/provenance.js';
export { CHAINWARDEN_BUILD_TYPE, LOCAL_BUILDER_ID, SLSA_PROVENANCE_V1 } from './attest/slsa-v1.js';
export type { SlsaProvenanceV1 } from './attest/slsa-v1.js';
export { verifyProvenance } from './attest/provenance-verify.js';
export type { ProvenanceVerification, VerifyProvenanceOptions } from './attest/provenance-verify.js';
export { readAttestations } from './attest/attestation-document.js';
export type { Attestation } from './attest/attestation-document.js';
export { BUILD_ENVIRONMENTS } from './attest/environments/index.js';
export type { BuildEnvironment } from './attest/environments/build-environment.js';
export { generateSigningKeyPair, keyHint, parsePrivateKey, parsePublicKey, KEY_PASSWORD_ENV } from './attest/keys.js';
export type { KeyPairPem } from './attest/keys.js';
export type { Signer, SignerKeyMaterial, SignerSignature } from './attest/signer.js';
export { KeySigner } from './attest/key-signer.js';
export { FulcioSigner } from './attest/fulcio-signer.js';
export { getIdentityToken, identityTokenSource } from './attest/identity-token.js';
export type { IdentityToken, IdentityTokenSource } from './attest/identity-token.js';
export { attestStatement, createSigner, signArtifact } from './attest/sign.js';
export type { SignerOptions } from './attest/sign.js';
export { signOutputs, SIGNING_KEY_ENV } from './attest/sign-outputs.js';
export type { SignOutputsSummary } from './attest/sign-outputs.js';
export { parseBundleText, parseBundleValue } from './attest/bundle-parse.js';
export type { ParsedBundle } from './attest/bundle-parse.js';
export { embeddedPublicGoodRoot, loadTrustedRoot, parseTrustedRoot } from './attest/trusted-root.js';
export type { LoadedTrustedRoot } from './attest/trusted-root.js';
export { verifyBundle } from './attest/verify.js';
export type { VerifyBundleOptions } from './attest/verify.js';
export type { Check, CheckName, CheckStatus, VerificationResult } from './attest/verification-result.js';
export type { IdentityPolicy } from './attest/identity-policy.js';
export type { SignerIdentity } from './attest/fulcio-claims.js';
export type { ArtifactInput } from './attest/subject-digest.js';
export { loadTrustPolicy, parseTrustPolicy } from './attest/trust-policy.js';
export type { Revocation, SupplierTrust, TrustPolicy, TrustedIdentity, TrustedKey } from './attest/trust-policy.js';
export { verifyWithTrustPolicy } from './attest/trust-policy-verify.js';
export type { PolicyVerificationResult, PolicyVerifyOptions } from './attest/trust-policy-verify.js';
export { verifyDsseEnvelope } from './attest/dsse-verify.js';
export type { DsseTrustedKey, DsseVerifyOptions, DsseVerifyResult } from './attest/dsse-verify.js';
export type { SignConfig } from './config-schema.js';
export { evaluateRego } from './policy/rego/evaluate.js';
export type { RegoEvalOptions, RegoEvalOutput } from './policy/rego/evaluate.js';
export { runRegoTests } from './policy/rego/test-runner.js';
export type { RegoTestReport, RegoTestResult } from './policy/rego/test-runner.js';
export { loadRegoSources } from './policy/rego/load.js';
export { RegistryError, SignatureRejectedError } from './core/errors.js';
export type { RegistryErrorCode } from './core/errors.js';
export { openRegistry } from './registry/database.js';
export type { OpenRegistryOptions, Registry, RegistryDb, RegistryTx } from './registry/database.js';
export type { RegistrySchema } from './registry/schema.js';
export { registryUrl, DEFAULT_REGISTRY_FILE, DATABASE_URL_ENV } from './registry/location.js';
export { MIGRATIONS } from './registry/migrations/index.js';
export type { RegistryMigration } from './registry/migrations/migration.js';
export { ingestSbom } from './registry/ingest/ingest.js';
export type { IngestOptions, IngestResult } from './registry/ingest/ingest.js';
export type { QualityReport, QuarantineReason } from './registry/ingest/quality.js';
export { readSupplierSbom } from './registry/sbom/read-document.js';
export type { ParsedSbom, ParsedComponent, SupplierSbomFormat } from './registry/sbom/model.js';
export { addSupplier, importSuppliers, listSuppliers, removeSupplier, showSupplier } from './registry/suppliers.js';
export type { SupplierAddInput, SupplierDetail, SupplierSummary } from './registry/suppliers.js';
export { listComponents, listProducts, listVersions, showVersion, whereComponent } from './registry/queries.js';
export type { ComponentRow, ProductRow, VersionDetail, VersionRow, WhereRow } from './registry/queries.js';
export { reverifyRegistry } from './registry/reverify.js';
export type { ReverifyRow } from './registry/reverify.js';
export { appendAudit, checkChain, recordAudit } from './registry/audit-log.js';
export type { AuditAction, AuditInput, ChainCheck } from './registry/audit-log.js';
export { sealAudit, verifyAudit } from './registry/audit-seal.js';
export type { AuditVerification, SealCheck, SealResult } from './registry/audit-seal.js';
export { runPolicyGate, runPolicyQuery } from './policy/run.js';
export type { PolicyRunOptions } from './policy/run.js';
export { evaluateGate } from './policy/gate.js';
export type { GateInput, GateOptions } from './policy/gate.js';
export { loadPolicy } from './policy/load-policy.js';
export type { LoadedPolicy } from './policy/load-policy.js';
export type { GateCounts, GateReport, InputResult, PolicyViolation, AppliedException } from './policy/result.js';
export type { GateRule } from './policy/rules.js';
export type { QueryGateReport, QueryGateResult } from './policy/query-gate.js';
export { buildPolicyInput, POLICY_INPUT_SCHEMA } from './policy/input/document.js';
export type { PolicyInput, PolicyInputParts, FindingInput, SignatureInput, ProvenanceInput } from './policy/input/document.js';
export { readPolicyInputParts } from './policy/input/read.js';
export type { PolicyInputFiles } from './policy/input/read.js';
export { parseExceptions } from './policy/exceptions.js';
export type { PolicyException } from './policy/exceptions.js';
export { REPORT_FORMATS } from './policy/report/index.js';
export type { ReportFormat } from './policy/report/index.js';
export { initPolicy } from './policy/init.js';
export { CHAINWARDEN_BUILTINS } from './policy/builtins/index.js';
export { AdvisoryError, ArchiveError } from './advisories/errors.js';
export type { AdvisoryKind, OsvAffected, OsvRange, OsvRecord, RangeEvent } from './advisories/osv-record.js';
export { parseOsvRecord, parseOsvText } from './advisories/osv-parse.js';
export { SCHEMES, schemeFor } from './advisories/versions/index.js';
export type { VersionScheme } from './advisories/versions/index.js';
export { Pep440VersionScheme } from './advisories/versions/pypi.js';
export { affectedBy, fixedVersions } from './advisories/ranges.js';
export type { AffectedBy } from './advisories/ranges.js';
export type { AdvisoryStore, AdvisoryStoreStats, PutResult, StoredAdvisory } from './advisories/store.js';
export { MemoryAdvisoryStore } from './advisories/memory-store.js';
export { FileAdvisoryStore, DEFAULT_ADVISORY_CACHE } from './advisories/file-store.js';
export { importAdvisories } from './advisories/import.js';
export type { ImportOptions, ImportReport, RejectedRecord } from './advisories/import.js';
export { readZip } from './advisories/zip-reader.js';
export { parsePurl } from './core/purl-parse.js';
export { matchComponents } from './findings/match.js';
export type { MatchResult } from './findings/match.js';
export type { Explanation, Finding, FindingClass, ScanComponent, SkippedComponent } from './findings/finding.js';
export { scanSbom } from './findings/scan.js';
export type { ScanOptions, ScanReport } from './findings/scan.js';
export { scanToSarif } from './findings/sarif.js';
export { SEVERITIES } from './findings/severity.js';
export type { Severity } from './findings/severity.js';
export type { VexedFinding, VexUsage } from './findings/apply-vex.js';
export { VexError } from './vex/errors.js';
export { VexLedger } from './vex/ledger.js';
export type { VexTarget, VexVerdict } from './vex/ledger.js';
export { parseVexText, readVexFile } from './vex/read.js';
export { VEX_FORMATS } from './vex/formats/index.js';
export type { VexFormat } from './vex/formats/index.js';
export type { VexDocument, VexStatement, VexStatus } from './vex/statement.js';
