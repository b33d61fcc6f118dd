/**
 * The GitHub Actions workflow `chainwarden init` writes: `chainwarden run` on pull requests (pr mode: no token, no
 * store, no registry, a diff in the job summary) and on published releases (release mode: signs keyless, stores,
 * registers, uploads the evidence as release assets). Least privilege: `contents: read` for the workflow;
 * `id-token: write` and `contents: write` only on the release job. Actions pinned by full commit SHA.
 */
import type { InitPaths } from './config-template.js';

/** Third-party actions, pinned by the commit of a release tag (the tag in the comment). */
export const PINNED_ACTIONS = {
  checkout: { uses: 'actions/checkout', sha: '08c6903cd8c0fde910a37f88322edcfb5dd907a8', version: 'v5.0.0' },
  setupNode: { uses: 'actions/setup-node', sha: 'a0853c24544627f65ddf259abe73b1d18a591444', version: 'v5.0.0' },
} as const;

export const WORKFLOW_FILE = '.github/workflows/supply-chain.yml';

function action(a: { uses: string; sha: string; version: string }): string {
  return `${a.uses}@${a.sha} # ${a.version}`;
}

export function workflowTemplate(project: string, paths: InitPaths, toolVersion: string): string {
  const checkout = action(PINNED_ACTIONS.checkout);
  const setupNode = action(PINNED_ACTIONS.setupNode);
  const tool = `chainwarden@${toolVersion}`;
  const bundles = [paths.sbom, paths.provenance, paths.checksums].map((p) => `${p}.sigstore.json`);
  return `# Supply-chain evidence for ${project}, written by \`chainwarden init\`.
# Pull requests: \`chainwarden run --mode pr\` (SBOM, provenance, checksums, findings, policy gate; nothing is stored
# or registered; the SBOM and findings diff against the latest release goes to the job summary).
# Releases: \`chainwarden run --mode release\` signs keyless (OIDC), stores and registers the evidence, then uploads
# checksums, SBOM, provenance and Sigstore bundles as release assets.
# Actions are pinned by full commit SHA (the release tag in the comment); chainwarden by version.
# The registry: each job runs on a fresh machine, so set the CHAINWARDEN_DATABASE_URL secret (a shared PostgreSQL)
# for releases to be registered durably and pull requests to diff against them. Unset (and in fork PRs, which get
# no secrets) the run uses a throw-away SQLite registry and the PR diff says there is no release to compare yet.
# Pull-request runs only read the registry: a read-only database role is enough for them.
name: supply-chain

on:
  pull_request:
  release:
    types: [published]

permissions:
  contents: read

jobs:
  pull-request:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: ${checkout}
        with:
          persist-credentials: false
      - uses: ${setupNode}
        with:
          node-version: 20
      - name: chainwarden run (pull request)
        run: npx --yes ${tool} run --mode pr
        env:
          CHAINWARDEN_DATABASE_URL: \${{ secrets.CHAINWARDEN_DATABASE_URL }}

  release:
    if: github.event_name == 'release'
    runs-on: ubuntu-latest
    permissions:
      contents: write # gh release upload
      id-token: write # Sigstore keyless signing
    steps:
      - uses: ${checkout}
        with:
          persist-credentials: false
      - uses: ${setupNode}
        with:
          node-version: 20
      - name: chainwarden run (release)
        run: npx --yes ${tool} run --mode release
        env:
          CHAINWARDEN_DATABASE_URL: \${{ secrets.CHAINWARDEN_DATABASE_URL }}
      - name: Upload the evidence as release assets
        env:
          GH_TOKEN: \${{ github.token }}
          TAG: \${{ github.event.release.tag_name }}
        run: |
          assets=(${[paths.checksums, paths.sbom, paths.provenance].join(' ')})
          for bundle in ${bundles.join(' ')}; do
            if [ -f "$bundle" ]; then assets+=("$bundle"); fi
          done
          gh release upload "$TAG" "\${assets[@]}" --clobber --repo "$GITHUB_REPOSITORY"
`;
}
