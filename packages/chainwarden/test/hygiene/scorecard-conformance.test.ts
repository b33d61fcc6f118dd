/**
 * Conformance with OpenSSF Scorecard on its own test workflows (../shared/conformance/scorecard, 110 files from
 * ossf/scorecard checks/testdata and checks/raw/testdata). What each file should give is recorded below as data, in
 * our words, from Scorecard's Go tests (the test file is named in `source`); where no upstream test names a file,
 * the expectation follows from the file's name and content and says so (`source: 'file name'`). The test prints the
 * agreement rate and fails when it drops below RECORDED_AGREEMENT.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryArtifacts } from '../../src/hygiene/scorecard/checks/binary-artifacts.js';
import { dangerousWorkflowFindings } from '../../src/hygiene/scorecard/checks/dangerous-workflow.js';
import { packagingWorkflow } from '../../src/hygiene/scorecard/checks/packaging.js';
import { sastRuns } from '../../src/hygiene/scorecard/checks/sast.js';
import { tokenPermissionsScore } from '../../src/hygiene/scorecard/checks/token-permissions.js';
import { workflowDependencies } from '../../src/hygiene/scorecard/pinning.js';
import { RepoView } from '../../src/hygiene/scorecard/repo.js';
import { stepShell } from '../../src/hygiene/scorecard/step-shell.js';
import type { CheckFinding } from '../../src/hygiene/scorecard/types.js';
import type { Workflow } from '../../src/hygiene/scorecard/workflow.js';
import { readWorkflow } from '../../src/hygiene/scorecard/workflow.js';
import { shared, tempDir } from '../helpers/shared.js';

/** Files agreeing with Scorecard / files, as last measured. The test fails below it. */
const RECORDED_AGREEMENT = { agreeing: 110, total: 110 };

type Verdict =
  /** Pinned-Dependencies: how many dependencies Scorecard counts as unpinned in this workflow. */
  | { readonly unpinned: number }
  /** Pinned-Dependencies: the lines (and snippets) of the unpinned dependencies. */
  | { readonly unpinnedAt: readonly (readonly [number, string])[] }
  /** Token-Permissions score of this workflow alone (or with `with` files, as one repository). */
  | { readonly tokenPermissions: number; readonly with?: readonly string[] }
  /** Token-Permissions: the lines of its warnings. */
  | { readonly permissionWarningsAt: readonly number[] }
  /** Dangerous-Workflow: untrusted checkouts + script injections. */
  | { readonly dangerous: number }
  /** SAST: the tools a workflow runs. */
  | { readonly sast: readonly string[] }
  /** Packaging: is this a publishing workflow. */
  | { readonly publishes: boolean }
  /** The shell each run step gets (decides whether Pinned-Dependencies reads the script). */
  | { readonly shells: readonly string[] }
  /** Binary-Artifacts: with a gradle-wrapper.jar beside this workflow (and `with` ones), binaries counted. */
  | { readonly gradleWrapperBinaries: number; readonly with?: readonly string[] };

interface Expectation {
  readonly file: string;
  readonly verdicts: readonly Verdict[];
  readonly source: string;
}

const T = 'testdata/.github/workflows/';
const R = 'raw/testdata/.github/workflows/';
const B = 'testdata/binaryartifacts/workflows/';
const PERM = 'checks/permissions_test.go';
const DW = 'checks/raw/dangerous_workflow_test.go';
const PIN = 'checks/raw/pinned_dependencies_test.go';
const SHELL = 'checks/fileparser/github_workflow_test.go (TestGitHubWorkflowShell)';
const PKG = 'checks/fileparser/github_workflow_test.go (TestIsPackagingWorkflow)';
const SAST = 'checks/raw/sast_test.go';
const BIN = 'checks/raw/binary_artifact_test.go';
const NAME = 'file name';

const EXPECTED: readonly Expectation[] = [
  // Dangerous-Workflow
  { file: `${T}github-workflow-dangerous-pattern-default-checkout.yml`, verdicts: [{ dangerous: 0 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-safe-trigger.yml`, verdicts: [{ dangerous: 0 }], source: 'checks/dangerous_workflow_test.go' },
  { file: `${T}github-workflow-dangerous-pattern-trusted-checkout.yml`, verdicts: [{ dangerous: 0 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-trusted-script-injection.yml`, verdicts: [{ dangerous: 0 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-untrusted-checkout-workflow_run.yml`, verdicts: [{ dangerous: 1 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-untrusted-checkout.yml`, verdicts: [{ dangerous: 1 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-untrusted-inline-script-injection.yml`, verdicts: [{ dangerous: 1 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-untrusted-multiple-script-injection.yml`, verdicts: [{ dangerous: 2 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-untrusted-script-injection-tojson.yml`, verdicts: [{ dangerous: 1 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-untrusted-script-injection-wildcard.yml`, verdicts: [{ dangerous: 1 }], source: DW },
  { file: `${T}github-workflow-dangerous-pattern-untrusted-script-injection.yml`, verdicts: [{ dangerous: 1 }], source: DW },
  // Packaging
  { file: `${T}github-workflow-packaging-cargo.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-docker-action.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-docker-push.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-elixir.yaml`, verdicts: [{ publishes: true }], source: NAME },
  { file: `${T}github-workflow-packaging-gem.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-go.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-gradle.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-maven-multi-line.yaml`, verdicts: [{ publishes: true }], source: NAME },
  { file: `${T}github-workflow-packaging-maven.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-npm-github.yaml`, verdicts: [{ publishes: false }], source: PKG },
  { file: `${T}github-workflow-packaging-npm.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-nuget.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-pypi-failing.yaml`, verdicts: [{ publishes: false }], source: PKG },
  { file: `${T}github-workflow-packaging-pypi-minimal.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-pypi.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-python-semantic-release.yaml`, verdicts: [{ publishes: true }], source: PKG },
  { file: `${T}github-workflow-packaging-sbt-ci-release.yaml`, verdicts: [{ publishes: true }], source: NAME },
  { file: `${T}github-workflow-packaging-semantic-release.yaml`, verdicts: [{ publishes: true }], source: NAME },
  { file: `${T}spicedb-release.yaml`, verdicts: [{ publishes: true }, { unpinned: 0 }], source: NAME },
  // Token-Permissions
  { file: `${T}github-workflow-permissions-absent.yaml`, verdicts: [{ tokenPermissions: 0 }], source: PERM },
  { file: `${T}github-workflow-permissions-actions.yaml`, verdicts: [{ tokenPermissions: 0 }], source: PERM },
  { file: `${T}github-workflow-permissions-contents-writes-no-release.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-contents-writes-release-mvn-release.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-contents-writes-release-semantic-release-pnpm.yaml`, verdicts: [{ tokenPermissions: 10 }], source: NAME },
  { file: `${T}github-workflow-permissions-contents-writes-release-semantic-release-yarn.yaml`, verdicts: [{ tokenPermissions: 10 }], source: NAME },
  { file: `${T}github-workflow-permissions-contents-writes-release-semantic-release.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-contents-writes-release.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-contents.yaml`, verdicts: [{ tokenPermissions: 0 }], source: PERM },
  { file: `${T}github-workflow-permissions-gh-pages.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-jobs-only.yaml`, verdicts: [{ tokenPermissions: 9 }], source: PERM },
  { file: `${T}github-workflow-permissions-none.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-nones.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-packages-writes.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-packages.yaml`, verdicts: [{ tokenPermissions: 0 }], source: PERM },
  { file: `${T}github-workflow-permissions-readall.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-reads.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-run-codeql-write.yaml`, verdicts: [{ tokenPermissions: 10 }, { unpinnedAt: [[25, 'github/codeql-action/analyze@v1']] }], source: `${PERM}; ${PIN}` },
  {
    file: `${T}github-workflow-permissions-run-level-only.yaml`,
    verdicts: [
      { tokenPermissions: 9, with: [`${T}github-workflow-permissions-top-level-only.yaml`] },
      { tokenPermissions: 0, with: [`${T}github-workflow-permissions-absent.yaml`] },
    ],
    source: PERM,
  },
  { file: `${T}github-workflow-permissions-run-multiple-writes.yaml`, verdicts: [{ tokenPermissions: 10 }], source: NAME },
  { file: `${T}github-workflow-permissions-run-no-codeql-write.yaml`, verdicts: [{ tokenPermissions: 10 }, { permissionWarningsAt: [22] }], source: PERM },
  { file: `${T}github-workflow-permissions-run-package-workflow-write.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-run-package-write.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-run-write-codeql-comment.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-run-writes-2.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-run-writes.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-secevent-deployments.yaml`, verdicts: [{ tokenPermissions: 8 }], source: PERM },
  { file: `${T}github-workflow-permissions-secevent-known-actions.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  { file: `${T}github-workflow-permissions-status-checks.yaml`, verdicts: [{ tokenPermissions: 9 }], source: PERM },
  { file: `${T}github-workflow-permissions-top-level-only.yaml`, verdicts: [{ tokenPermissions: 0, with: [`${T}github-workflow-permissions-absent.yaml`] }], source: PERM },
  { file: `${T}github-workflow-permissions-writeall.yaml`, verdicts: [{ tokenPermissions: 0 }, { permissionWarningsAt: [16] }], source: PERM },
  { file: `${T}github-workflow-permissions-writes.yaml`, verdicts: [{ tokenPermissions: 10 }], source: PERM },
  // SAST
  { file: `${T}airflow-codeql-workflow.yaml`, verdicts: [{ sast: ['CodeQL'] }], source: NAME },
  { file: `${T}github-hadolint-workflow.yaml`, verdicts: [{ sast: ['Hadolint'] }], source: 'checks/sast_test.go (Hadolint run counts as SAST)' },
  { file: `${T}github-workflow-sast-codeql.yaml`, verdicts: [{ sast: ['CodeQL'] }], source: NAME },
  { file: `${T}github-workflow-sast-no-codeql.yaml`, verdicts: [{ sast: [] }], source: NAME },
  { file: `${R}airflows-codeql.yaml`, verdicts: [{ sast: ['CodeQL'] }], source: SAST },
  { file: `${R}github-hadolint-workflow.yaml`, verdicts: [{ sast: ['Hadolint'] }], source: `${NAME} (checks/raw/sast.go lists hadolint/hadolint-action as a SAST tool)` },
  { file: `${R}github-pysa-workflow.yaml`, verdicts: [{ sast: ['Pysa'] }], source: SAST },
  { file: `${R}github-qodana-workflow.yaml`, verdicts: [{ sast: ['Qodana'] }], source: SAST },
  { file: `${R}github-workflow-snyk.yaml`, verdicts: [{ sast: ['Snyk'] }], source: SAST },
  // Shells (which run: steps Pinned-Dependencies reads as POSIX shell)
  { file: `${T}github-workflow-shells-all-windows-bash.yaml`, verdicts: [{ shells: ['bash'] }], source: SHELL },
  { file: `${T}github-workflow-shells-all-windows-matrix-include-empty.yaml`, verdicts: [{ shells: ['pwsh'] }], source: SHELL },
  { file: `${T}github-workflow-shells-all-windows-matrix-include.yaml`, verdicts: [{ shells: ['pwsh'] }], source: SHELL },
  { file: `${T}github-workflow-shells-all-windows-matrix.yaml`, verdicts: [{ shells: ['pwsh'] }], source: SHELL },
  { file: `${T}github-workflow-shells-all-windows.yaml`, verdicts: [{ shells: ['pwsh'] }], source: SHELL },
  { file: `${T}github-workflow-shells-default-macos.yaml`, verdicts: [{ shells: ['bash'] }], source: SHELL },
  { file: `${T}github-workflow-shells-default-ubuntu.yaml`, verdicts: [{ shells: ['bash'] }], source: SHELL },
  { file: `${T}github-workflow-shells-default-windows.yaml`, verdicts: [{ shells: ['pwsh'] }], source: SHELL },
  { file: `${T}github-workflow-shells-runner-windows-ubuntu.yaml`, verdicts: [{ shells: [...Array<string>(7).fill('pwsh'), ...Array<string>(4).fill('bash')] }], source: SHELL },
  { file: `${T}github-workflow-shells-specified-job-step.yaml`, verdicts: [{ shells: ['bash'] }], source: SHELL },
  { file: `${T}github-workflow-shells-specified-job-windows.yaml`, verdicts: [{ shells: ['bash'] }], source: SHELL },
  { file: `${T}github-workflow-shells-specified-job.yaml`, verdicts: [{ shells: ['pwsh'] }], source: SHELL },
  { file: `${T}github-workflow-shells-specified-step.yaml`, verdicts: [{ shells: ['pwsh'] }], source: SHELL },
  { file: `${T}github-workflow-shells-two-shells.yaml`, verdicts: [{ shells: ['bash', 'pwsh'] }], source: SHELL },
  { file: `${T}github-workflow-shells-windows-bash.yaml`, verdicts: [{ shells: ['bash', 'bash'] }], source: SHELL },
  // Pinned-Dependencies
  { file: `${R}github-workflow-comments.yaml`, verdicts: [{ unpinned: 0 }], source: PIN },
  { file: `${R}github-workflow-empty.yaml`, verdicts: [{ unpinned: 0 }], source: PIN },
  { file: `${R}github-workflow-curl-default.yaml`, verdicts: [{ unpinned: 1 }], source: PIN },
  { file: `${R}github-workflow-curl-no-default.yaml`, verdicts: [{ unpinned: 1 }], source: PIN },
  { file: `${R}github-workflow-wget-across-steps.yaml`, verdicts: [{ unpinned: 2 }], source: PIN },
  {
    file: `${R}github-workflow-download-lines.yaml`,
    verdicts: [
      { unpinnedAt: [[27, 'bash /tmp/file'], [29, '/tmp/file2'], [32, 'curl bla | bash']] },
      { sast: [] },
    ],
    source: `${PIN}; ${SAST}`,
  },
  { file: `${R}github-workflow-matrix-expression.yaml`, verdicts: [{ unpinned: 0 }], source: PIN },
  {
    file: `${R}github-workflow-multiple-unpinned-uses.yaml`,
    verdicts: [
      { unpinnedAt: [[22, 'github/codeql-action/analyze@v1'], [24, 'docker/build-push-action@1.2.3']] },
      { sast: ['CodeQL'] },
    ],
    source: `${PIN}; ${SAST}`,
  },
  { file: `${R}github-workflow-pkg-managers.yaml`, verdicts: [{ unpinned: 49 }], source: PIN },
  { file: `${R}github-workflow-job-uses.yaml`, verdicts: [{ unpinned: 0 }], source: `${NAME} (slsa-github-generator's reusable workflow must be called by tag)` },
  { file: `${R}github-workflow-unknown-os.yaml`, verdicts: [{ shells: ['bash', 'bash'] }, { unpinned: 4 }], source: `${NAME} (an OS that cannot be resolved falls back to bash, no error)` },
  { file: `${R}workflow-anchor.yaml`, verdicts: [{ unpinned: 2 }], source: `${NAME} (the alias resolves to the anchored tag-pinned action)` },
  { file: `${R}workflow-local-action.yaml`, verdicts: [{ unpinned: 0 }], source: PIN },
  { file: `${R}workflow-mix-github-and-non-github-not-pinned.yaml`, verdicts: [{ unpinned: 2 }], source: PIN },
  { file: `${R}workflow-mix-github-and-non-github-pinned.yaml`, verdicts: [{ unpinned: 0 }], source: PIN },
  { file: `${R}workflow-mix-pinned-and-non-pinned-github.yaml`, verdicts: [{ unpinned: 1 }], source: PIN },
  { file: `${R}workflow-mix-pinned-and-non-pinned-non-github.yaml`, verdicts: [{ unpinned: 1 }], source: PIN },
  { file: `${R}workflow-non-github-pinned.yaml`, verdicts: [{ unpinned: 0 }], source: PIN },
  { file: `${R}workflow-not-pinned.yaml`, verdicts: [{ unpinned: 2 }, { sast: ['CodeQL'] }], source: `${PIN}; ${SAST}` },
  { file: `${R}workflow-pinned.yaml`, verdicts: [{ unpinned: 0 }], source: PIN },
  // Binary-Artifacts: a gradle-wrapper.jar is accepted only when a workflow validates it.
  { file: `${B}verify.yaml`, verdicts: [{ gradleWrapperBinaries: 0 }], source: BIN },
  { file: `${B}verify-new-gradle-name.yaml`, verdicts: [{ gradleWrapperBinaries: 0 }], source: `${NAME} (gradle/actions/wrapper-validation, the action's new name)` },
  { file: `${B}nonverify.yaml`, verdicts: [{ gradleWrapperBinaries: 1 }], source: BIN },
  { file: `${B}invalid.yaml`, verdicts: [{ gradleWrapperBinaries: 1 }, { gradleWrapperBinaries: 0, with: [`${B}verify.yaml`] }], source: BIN },
];

const root = (): string => shared('conformance', 'scorecard', 'checks');
const text = (file: string): string => readFileSync(join(root(), file), 'utf8');
const name = (file: string): string => `.github/workflows/${file.slice(file.lastIndexOf('/') + 1)}`;

async function load(file: string): Promise<Workflow | undefined> {
  const l = await readWorkflow(name(file), text(file));
  if (l.ok === false) throw new Error(`${file}: ${l.message}`);
  return l.ok === true ? l.workflow : undefined;
}

async function gradleBinaries(files: readonly string[]): Promise<number> {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'gradle/wrapper'), { recursive: true });
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, 'gradle/wrapper/gradle-wrapper.jar'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    for (const f of files) writeFileSync(join(dir, name(f)), text(f));
    const outcome = await binaryArtifacts.run(new RepoView(dir));
    return outcome.findings.filter((f) => f.level === 'Warn' && f.message === 'binary detected').length;
  } finally {
    cleanup();
  }
}

/** Our verdict of the same kind, for comparison (and for the miss report). */
async function ours(file: string, v: Verdict): Promise<unknown> {
  const w = await load(file);
  const deps = w !== undefined ? workflowDependencies(w) : [];
  if ('unpinned' in v) return { unpinned: deps.filter((d) => !d.pinned).length };
  if ('unpinnedAt' in v) return { unpinnedAt: deps.filter((d) => !d.pinned).map((d) => [d.line, d.snippet]) };
  if ('tokenPermissions' in v) {
    const all = [w, ...(await Promise.all((v.with ?? []).map(load)))].filter((x): x is Workflow => x !== undefined);
    return { tokenPermissions: tokenPermissionsScore(all, []), ...(v.with !== undefined ? { with: v.with } : {}) };
  }
  if ('permissionWarningsAt' in v) {
    const findings: CheckFinding[] = [];
    tokenPermissionsScore(w !== undefined ? [w] : [], findings);
    return { permissionWarningsAt: findings.filter((f) => f.level === 'Warn').map((f) => f.line) };
  }
  if ('dangerous' in v) return { dangerous: w !== undefined ? dangerousWorkflowFindings(w).filter((f) => f.level === 'Warn').length : 0 };
  if ('sast' in v) return { sast: w !== undefined ? [...new Set(sastRuns(w).map((r) => r.tool))].sort() : [] };
  if ('publishes' in v) return { publishes: w !== undefined && packagingWorkflow(w) !== undefined };
  if ('shells' in v) return { shells: w !== undefined ? w.jobs.flatMap((j) => j.steps.filter((s) => s.run !== undefined).map((s) => stepShell(w, j, s))) : [] };
  return { gradleWrapperBinaries: await gradleBinaries([file, ...(v.with ?? [])]), ...(v.with !== undefined ? { with: v.with } : {}) };
}

test('scorecard conformance: our verdicts on OpenSSF Scorecard\'s test workflows match Scorecard\'s', async (t) => {
  // Every file of the corpus has an expectation (a new file must be looked at, not silently ignored).
  const present: string[] = [];
  for (const dir of [T, R, B]) for (const f of readdirSync(join(root(), dir))) present.push(`${dir}${f}`);
  const expected = new Set(EXPECTED.map((e) => e.file));
  assert.deepEqual(present.filter((f) => !expected.has(f)), [], 'files without a recorded expectation');
  assert.equal(EXPECTED.length, expected.size, 'one entry per file');
  assert.equal(present.length, 110);

  const misses: string[] = [];
  let agreeing = 0;
  for (const e of EXPECTED) {
    let ok = true;
    for (const v of e.verdicts) {
      const got = await ours(e.file, v);
      try {
        assert.deepEqual(got, v);
      } catch {
        ok = false;
        misses.push(`${e.file}: expected ${JSON.stringify(v)} (${e.source}), got ${JSON.stringify(got)}`);
      }
    }
    if (ok) agreeing++;
  }
  const upstream = EXPECTED.filter((e) => !e.source.startsWith(NAME)).length;
  t.diagnostic(`agreement with OpenSSF Scorecard: ${agreeing}/${EXPECTED.length} files (${((100 * agreeing) / EXPECTED.length).toFixed(1)}%); ${upstream} files have an upstream Go test, ${EXPECTED.length - upstream} an expectation from their name`);
  for (const m of misses) t.diagnostic(`miss: ${m}`);
  assert.ok(agreeing >= RECORDED_AGREEMENT.agreeing, `agreement regressed to ${agreeing}/${EXPECTED.length} (recorded ${RECORDED_AGREEMENT.agreeing}/${RECORDED_AGREEMENT.total}):\n${misses.join('\n')}`);
});

test('scorecard conformance: a workflow that is not valid YAML is a finding with file and line, not an exception', async () => {
  const load = await readWorkflow('.github/workflows/bad.yml', 'on: [push\njobs:\n  a:\n    runs-on: ubuntu-latest\n');
  assert.equal(load.ok, false);
  assert.ok(load.ok === false && load.line >= 1);
  assert.match(load.ok === false ? load.message : '', /^invalid YAML: /);
});
