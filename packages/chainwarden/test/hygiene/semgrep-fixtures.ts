/** Semgrep outputs built in code, shaped like what `semgrep scan --json` and `--sarif` write (1.x). */
// Shaped like `semgrep scan --json` output (1.x): results[] with check_id, path, start/end, extra.
export const SEMGREP_JSON = {
  version: '1.142.0',
  results: [
    {
      check_id: 'yaml.github-actions.security.third-party-action-not-pinned-to-commit-sha.third-party-action-not-pinned-to-commit-sha',
      path: '.github/workflows/ci.yml',
      start: { line: 24, col: 15, offset: 610 },
      end: { line: 24, col: 42, offset: 637 },
      extra: {
        message: 'An action sourced from a third-party repository on GitHub is not pinned to a full length commit SHA.',
        severity: 'WARNING',
        metadata: { category: 'security', cwe: ['CWE-1357: Reliance on Insufficiently Trustworthy Component'], owasp: ['A06:2021 - Vulnerable and Outdated Components'] },
        lines: '      - uses: astral-sh/setup-uv@v6',
      },
    },
    {
      check_id: 'python.lang.security.audit.eval-detected.eval-detected',
      path: 'src/hotpass_like/__init__.py',
      start: { line: 3, col: 1, offset: 20 },
      end: { line: 3, col: 12, offset: 31 },
      extra: { message: 'Detected the use of eval().', severity: 'ERROR', metadata: { category: 'security', cwe: ['CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code'] } },
    },
    {
      check_id: 'ssc-8b7a0d5e-0f4b-4b8e-9a0e-3a1c2d3e4f50',
      path: 'uv.lock',
      start: { line: 812, col: 1, offset: 0 },
      end: { line: 812, col: 1, offset: 0 },
      extra: { message: 'Affected versions of requests are vulnerable to credential leakage.', severity: 'ERROR', metadata: { 'sca-kind': 'upgrade-only' }, sca_info: { reachable: false } },
    },
  ],
  errors: [],
  paths: { scanned: ['src/hotpass_like/__init__.py', '.github/workflows/ci.yml', 'uv.lock'] },
};

// Shaped like `semgrep scan --sarif` output.
export const SEMGREP_SARIF = {
  version: '2.1.0',
  $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
  runs: [
    {
      tool: {
        driver: {
          name: 'Semgrep OSS',
          semanticVersion: '1.142.0',
          rules: [
            { id: 'dockerfile.security.missing-image-digest', defaultConfiguration: { level: 'warning' }, properties: { tags: ['CWE-829: Inclusion of Functionality from Untrusted Control Sphere', 'security'] } },
            { id: 'python.lang.best-practice.open-never-closed', defaultConfiguration: { level: 'note' }, properties: { tags: ['best-practice'] } },
          ],
        },
      },
      results: [
        { ruleId: 'python.lang.best-practice.open-never-closed', message: { text: 'file object opened without a context manager' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/hotpass_like/io%20utils.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, endLine: 10 } } }] },
        { ruleId: 'dockerfile.security.missing-image-digest', level: 'error', message: { text: 'Base image is not pinned by digest' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: 1 } } }] },
      ],
    },
  ],
};
