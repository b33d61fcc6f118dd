/** The chainwarden.yaml `chainwarden init` writes: every section, each explained; valid against CONFIG_SCHEMA. */

export interface InitPaths {
  readonly sbom: string;
  readonly provenance: string;
  readonly checksums: string;
}

export function initPaths(fileName: string): InitPaths {
  return { sbom: `dist/sbom/${fileName}-sbom.json`, provenance: 'dist/provenance/provenance.json', checksums: 'dist/checksums.txt' };
}

export function configTemplate(project: string, paths: InitPaths): string {
  return `# chainwarden.yaml for ${project}: settings of \`chainwarden run\` and of each command.
# Keys are spelled like the command-line flags they set; flags override them. Paths are relative to this directory.
# Unknown keys are an error (exit 2, naming the key), so a typo never goes unnoticed.

# The SBOM (CycloneDX), from every lockfile found in the project.
sbom:
  output: ${paths.sbom}
  format: cyclonedx-json        # or cyclonedx-xml, spdx-json
  spec-version: "1.6"           # 1.5, 1.6 or 1.7
  exclude-dev: false            # true leaves dev-only dependencies out
  # lockfiles: [uv.lock, apps/web-ui/package-lock.json]   # read these instead of detecting them
  # exclude: ["tests/**"]                                  # globs to skip when detecting lockfiles

# SLSA v1 provenance. Subjects: the build artefacts in dist/ (or the globs below); with none, the SBOM itself.
provenance:
  output: ${paths.provenance}
  # subject: ["dist/*.whl", "dist/*.tar.gz"]
  # digest: [sha512]            # digests besides sha256
  # builder-id: https://github.com/acme/ci/builder@v1

# The sha256sum-format checksum file over everything the run produced (\`sha256sum -c\` checks it).
checksums:
  output: ${paths.checksums}
  algorithm: sha256

# Signing. In CI with an OIDC token (GitHub Actions: \`permissions: id-token: write\`) the run signs keyless through
# Sigstore; with a key it signs with the key; otherwise it stays in the interim mode (digests and checksums only)
# and labels the artefacts unsigned. Pull-request runs never need a token.
# sign:
#   keyless: true               # release runs must sign keyless (the gate then requires signatures)
#   key: keys/release.key       # or a key (password from CHAINWARDEN_KEY_PASSWORD)
#   trust-policy: supplier-trust.yaml

# The promotion gate: the Rego policies in policy/ over the SBOM, provenance, checksums, signatures and findings.
policy:
  policy: policy
  namespace: [main]
  fail-on-warn: false
  # require-signatures: true    # default: true in release runs when sign.key or sign.keyless is set

# The registry: release runs record the project's SBOM (pull-request runs never do).
# Default: an SQLite file at data/registry/chainwarden.sqlite; postgres://… for a shared one (or CHAINWARDEN_DATABASE_URL).
registry:
  ingest: true
  product: ${JSON.stringify(project)}
  # database-url: postgres://chainwarden@db.internal/chainwarden

# Backstage TechDocs: set an output directory to add the techdocs stage to \`chainwarden run\`.
# docs:
#   techdocs:
#     out: techdocs

# Dependency hygiene: the dependency/owner matrix (with Renovate/Dependabot coverage) and who owns what.
# matrix:
#   enabled: true
#   output: dist/hygiene/dependency-matrix.md
#   check: docs/security/dependency-matrix.md   # a hand-written matrix to check for drift
#   notes: { requests: "replace with httpx by Q3" }
# owners:
#   rules:
#     - { match: "pydantic*", owner: "@acme/platform" }
#     - { match: "*", ecosystem: npm, owner: "@acme/web" }
#   default: "@acme/security"                 # after the rules and CODEOWNERS

# Semgrep results a CI step wrote before \`chainwarden run\` (SARIF or --json), imported for the policy gate.
# semgrep:
#   results: semgrep.sarif

# Scorecard-style checks on this repository's workflows and files.
# scorecard:
#   enabled: true
#   fail-under: 5
#   skip: [Binary-Artifacts]

# The remediation backlog (from the latest scan of each product): due dates per severity, in days.
# backlog:
#   sla: { critical: 15, high: 30, medium: 90, low: 180, unrated: 90 }

# The risk register: asset criticality per product, and the longest a risk may be accepted.
# risk:
#   default-criticality: medium
#   criticality: { ${JSON.stringify(project)}: high }
#   acceptance-days: 180

# GitHub issues for backlog entries (chainwarden backlog sync; dry-run unless --apply).
# tracker:
#   github: acme/${project}

# The evidence store (release runs): SBOM, provenance, bundles, checksums and reports, kept for a year.
# store:
#   path: data/artifacts/supply-chain
#   retention-days: 365
`;
}
