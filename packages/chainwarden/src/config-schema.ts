import type { Schema } from './core/schema.js';
import { SCORECARD_CHECK_NAMES } from './hygiene/scorecard/check-names.js';
import type { ScorecardCheckName } from './hygiene/scorecard/check-names.js';
import { OWNER_MEANS, OWNER_REGEX } from './hygiene/owners/owner-format.js';

/**
 * The schema of chainwarden.yaml. Keys are spelled like the command-line flags they set (flags override them).
 * Each capability adds its own section here.
 */
export const CONFIG_SCHEMA = {
  type: 'object',
  properties: {
    sbom: {
      type: 'object',
      description: 'chainwarden sbom',
      properties: {
        output: { type: 'string', description: 'output path, relative to the project directory' },
        format: { type: 'string', enum: ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json'] },
        'spec-version': { type: 'string', enum: ['1.5', '1.6', '1.7'] },
        'exclude-dev': { type: 'boolean' },
        lockfiles: { type: 'array', items: { type: 'string' }, description: 'lockfiles to read instead of detecting them' },
        exclude: { type: 'array', items: { type: 'string' }, description: 'glob patterns of paths to skip when detecting lockfiles' },
      },
    },
    provenance: {
      type: 'object',
      description: 'chainwarden provenance',
      properties: {
        output: { type: 'string', description: 'output path, relative to the project directory' },
        subject: { type: 'array', items: { type: 'string' }, description: 'subject files or globs (default: the build artefacts in dist/)' },
        digest: { type: 'array', items: { type: 'string', enum: ['sha256', 'sha512'] }, description: 'subject digests besides sha256' },
        'allow-empty': { type: 'boolean', description: 'a subject glob matching nothing is not an error' },
        redact: { type: 'array', items: { type: 'string' }, description: 'names (inputs, variables, flags) whose values are always redacted' },
        'builder-id': { type: 'string', description: 'builder id to record instead of the detected one' },
      },
    },
    checksums: {
      type: 'object',
      description: 'chainwarden checksums (in chainwarden run)',
      properties: {
        output: { type: 'string', description: 'checksum file, relative to the project directory (default dist/checksums.txt)' },
        algorithm: { type: 'string', enum: ['sha256', 'sha512'] },
      },
    },
    sign: {
      type: 'object',
      description: 'chainwarden sign / attest / verify, and the sign stage of chainwarden run',
      properties: {
        key: { type: 'string', description: 'private key (PEM) to sign with, relative to the project directory; password from CHAINWARDEN_KEY_PASSWORD' },
        keyless: { type: 'boolean', description: 'sign keyless (OIDC token -> Fulcio certificate, Rekor entry, TSA timestamp)' },
        'fulcio-url': { type: 'string' },
        'rekor-url': { type: 'string' },
        'tsa-url': { type: 'string' },
        'tlog-upload': { type: 'boolean', description: 'with a key: also record signatures in Rekor and get a TSA timestamp' },
        'trusted-root': { type: 'string', description: 'trusted_root.json for verification (default: the Sigstore public-good root shipped inside chainwarden)' },
        'trust-policy': { type: 'string', description: 'supplier trust policy (YAML), relative to the project directory' },
      },
    },
    registry: {
      type: 'object',
      description: 'the registry (chainwarden ingest, supplier, registry; the ingest stage of chainwarden run)',
      properties: {
        'database-url': { type: 'string', description: 'postgres://… or an SQLite file relative to the project (default data/registry/chainwarden.sqlite); CHAINWARDEN_DATABASE_URL and --database-url override it' },
        ingest: { type: 'boolean', description: 'chainwarden run: put the project\'s own SBOM into the registry (default true)' },
        product: { type: 'string', description: 'chainwarden run: the product name to record the project\'s SBOM under (default: the SBOM\'s root component)' },
      },
    },
    policy: {
      type: 'object',
      description: 'chainwarden policy eval and the policy stage of chainwarden run',
      properties: {
        policy: { type: 'string', description: 'policy directory, relative to the project directory (default policy)' },
        namespace: { type: 'array', items: { type: 'string' }, description: 'Rego packages to evaluate (default: main)' },
        'all-namespaces': { type: 'boolean' },
        'fail-on-warn': { type: 'boolean', description: 'warnings close the gate too' },
        'require-signatures': { type: 'boolean', description: 'input.signatures.required (default: true when sign.key or sign.keyless is set)' },
      },
    },
    store: {
      type: 'object',
      description: 'the evidence store (chainwarden store, retention, the store stage of chainwarden run)',
      properties: {
        path: { type: 'string', description: 'store root, relative to the project directory (default data/artifacts/supply-chain)' },
        'retention-days': { type: 'integer', minimum: 1, description: 'days an entry is kept after it is stored (default 365)' },
        'orphan-grace-minutes': { type: 'integer', minimum: 0, description: 'retention prune: an unreferenced blob younger than this is left alone, a put may be about to reference it (default 60)' },
      },
    },
    docs: {
      type: 'object',
      description: 'chainwarden docs, and the techdocs stage of chainwarden run',
      properties: {
        techdocs: {
          type: 'object',
          description: 'Backstage TechDocs export',
          properties: { out: { type: 'string', description: 'output directory (mkdocs.yml + docs/), relative to the project; set it to add the techdocs stage to chainwarden run' } },
        },
      },
    },
    scorecard: {
      type: 'object',
      description: 'chainwarden scorecard and the scorecard stage of chainwarden run',
      properties: {
        enabled: { type: 'boolean', description: 'chainwarden run: run the scorecard stage (default false)' },
        skip: { type: 'array', items: { type: 'string', enum: SCORECARD_CHECK_NAMES }, description: 'checks to leave out' },
        'fail-under': { type: 'integer', minimum: 0, description: 'exit 1 (fail the stage) when the aggregate score is below this (0-10)' },
      },
    },
    owners: {
      type: 'object',
      description: 'who owns each dependency (chainwarden matrix); rules first, then CODEOWNERS, then default',
      properties: {
        rules: {
          type: 'array',
          description: 'the last matching rule wins, as in CODEOWNERS',
          items: {
            type: 'object',
            required: ['match', 'owner'],
            properties: {
              match: { type: 'string', description: 'glob (* and ?) on the package name, or on its purl when it starts with pkg:' },
              owner: { type: 'string', pattern: { regex: OWNER_REGEX, means: OWNER_MEANS } },
              ecosystem: { type: 'string', enum: ['pypi', 'npm'], description: 'only packages of this ecosystem' },
              manifest: { type: 'string', description: 'only dependencies declared by a manifest or lockfile matching this path glob' },
            },
          },
        },
        codeowners: { type: 'string', description: 'CODEOWNERS file, relative to the project (default: .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS, the first found, as GitHub does)' },
        default: { type: 'string', pattern: { regex: OWNER_REGEX, means: OWNER_MEANS }, description: 'owner of dependencies no rule and no CODEOWNERS line covers' },
      },
    },
    matrix: {
      type: 'object',
      description: 'chainwarden matrix, and the matrix stage of chainwarden run',
      properties: {
        enabled: { type: 'boolean', description: 'chainwarden run: build the dependency matrix (default false)' },
        output: { type: 'string', description: 'output path, relative to the project directory (chainwarden run default: dist/hygiene/dependency-matrix.md)' },
        format: { type: 'string', enum: ['markdown', 'csv', 'json'] },
        check: { type: 'string', description: 'a hand-written matrix (Markdown) to check for drift against the lockfiles' },
        notes: { type: 'map', values: { type: 'string' }, description: 'lifecycle notes by package name, shown in the matrix' },
      },
    },
    semgrep: {
      type: 'object',
      description: 'the semgrep stage of chainwarden run',
      properties: {
        results: { type: 'string', description: 'Semgrep results (SARIF or --json) written by an earlier CI step, relative to the project; imported into dist/hygiene/semgrep.json' },
      },
    },
    backlog: {
      type: 'object',
      description: 'chainwarden backlog (remediation backlog) and its stage in chainwarden run',
      properties: {
        sla: {
          type: 'object',
          description: 'days from first seen to the due date, per severity (default critical 15, high 30, medium 90, low 180, unrated 90); a CISA KEV due date overrides',
          properties: {
            critical: { type: 'integer', minimum: 1 },
            high: { type: 'integer', minimum: 1 },
            medium: { type: 'integer', minimum: 1 },
            low: { type: 'integer', minimum: 1 },
            unrated: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    risk: {
      type: 'object',
      description: 'chainwarden risk (risk register)',
      properties: {
        criticality: { type: 'map', values: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] }, description: 'asset criticality per product name (default medium): raises or lowers impact' },
        'default-criticality': { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
        'acceptance-days': { type: 'integer', minimum: 1, description: 'the longest a risk may be accepted (default 180 days)' },
      },
    },
    tracker: {
      type: 'object',
      description: 'chainwarden backlog sync (GitHub issues for backlog entries)',
      properties: {
        github: { type: 'string', description: 'owner/repo holding the issues' },
        'api-url': { type: 'string', description: 'REST API base URL (default $GITHUB_API_URL, else https://api.github.com)' },
        links: { type: 'string', description: 'link file, relative to the project directory (default data/tracker/links.json)' },
        'max-wait': { type: 'integer', minimum: 0, description: 'seconds to wait out rate limits before giving up (default 120)' },
      },
    },
  },
} as const satisfies Schema;

export interface SbomConfig {
  readonly output?: string;
  readonly format?: 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json';
  readonly 'spec-version'?: '1.5' | '1.6' | '1.7';
  readonly 'exclude-dev'?: boolean;
  readonly lockfiles?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface ProvenanceConfig {
  readonly output?: string;
  readonly subject?: readonly string[];
  readonly digest?: readonly ('sha256' | 'sha512')[];
  readonly 'allow-empty'?: boolean;
  readonly redact?: readonly string[];
  readonly 'builder-id'?: string;
}

export interface ChecksumsConfig {
  readonly output?: string;
  readonly algorithm?: 'sha256' | 'sha512';
}

export interface SignConfig {
  readonly key?: string;
  readonly keyless?: boolean;
  readonly 'fulcio-url'?: string;
  readonly 'rekor-url'?: string;
  readonly 'tsa-url'?: string;
  readonly 'tlog-upload'?: boolean;
  readonly 'trusted-root'?: string;
  readonly 'trust-policy'?: string;
}

export interface PolicyConfig {
  readonly policy?: string;
  readonly namespace?: readonly string[];
  readonly 'all-namespaces'?: boolean;
  readonly 'fail-on-warn'?: boolean;
  readonly 'require-signatures'?: boolean;
}

export interface RegistryConfig {
  readonly 'database-url'?: string;
  readonly ingest?: boolean;
  readonly product?: string;
}

export interface StoreConfig {
  readonly path?: string;
  readonly 'retention-days'?: number;
  readonly 'orphan-grace-minutes'?: number;
}

export interface DocsConfig {
  readonly techdocs?: { readonly out?: string };
}

export interface ScorecardConfig {
  readonly enabled?: boolean;
  readonly skip?: readonly ScorecardCheckName[];
  readonly 'fail-under'?: number;
}

export interface OwnerRuleConfig {
  readonly match: string;
  readonly owner: string;
  readonly ecosystem?: 'pypi' | 'npm';
  readonly manifest?: string;
}

export interface OwnersConfig {
  readonly rules?: readonly OwnerRuleConfig[];
  readonly codeowners?: string;
  readonly default?: string;
}

export interface MatrixConfig {
  readonly enabled?: boolean;
  readonly output?: string;
  readonly format?: 'markdown' | 'csv' | 'json';
  readonly check?: string;
  readonly notes?: Readonly<Record<string, string>>;
}

export interface BacklogConfig {
  readonly sla?: { readonly critical?: number; readonly high?: number; readonly medium?: number; readonly low?: number; readonly unrated?: number };
}

export type Criticality = 'low' | 'medium' | 'high' | 'critical';

export interface RiskConfig {
  readonly criticality?: Readonly<Record<string, Criticality>>;
  readonly 'default-criticality'?: Criticality;
  readonly 'acceptance-days'?: number;
}

export interface TrackerConfig {
  readonly github?: string;
  readonly 'api-url'?: string;
  readonly links?: string;
  readonly 'max-wait'?: number;
}

export interface ChainwardenConfig {
  readonly store?: StoreConfig;
  readonly docs?: DocsConfig;
  readonly scorecard?: ScorecardConfig;
  readonly backlog?: BacklogConfig;
  readonly risk?: RiskConfig;
  readonly owners?: OwnersConfig;
  readonly matrix?: MatrixConfig;
  readonly semgrep?: { readonly results?: string };
  readonly tracker?: TrackerConfig;
  readonly registry?: RegistryConfig;
  readonly policy?: PolicyConfig;
  readonly sign?: SignConfig;
  readonly sbom?: SbomConfig;
  readonly provenance?: ProvenanceConfig;
  readonly checksums?: ChecksumsConfig;
}
