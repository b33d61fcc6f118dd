/**
 * Binary-Artifacts: executables and compiled artefacts checked into the repository (by extension or by their magic
 * bytes: ELF, PE, Mach-O, Java class, jar). `gradle-wrapper.jar` is accepted when a workflow validates it
 * (gradle/wrapper-validation-action or gradle/actions/wrapper-validation). Score: 10 minus one per binary.
 */
import type { RepoView } from '../repo.js';
import type { Check, CheckFinding } from '../types.js';
import { MAX_SCORE } from '../types.js';

const BINARY_EXTENSIONS = new Set(['crx', 'deb', 'dex', 'dey', 'elf', 'o', 'a', 'so', 'macho', 'iso', 'class', 'jar', 'bundle', 'dylib', 'lib', 'msi', 'dll', 'drv', 'efi', 'exe', 'ocx', 'pyc', 'pyo', 'par', 'rpm', 'wasm', 'whl', 'apk', 'aab', 'nupkg', 'war', 'ear']);
/** Release output, not source: the evidence store and build output directories are not "checked in" binaries. */
const GENERATED = [/^dist\//, /^build\//, /^target\//, /^data\/artifacts\//, /^out\//];

const MAGIC: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // PE (MZ)
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Java class / Mach-O fat
  [0x00, 0x61, 0x73, 0x6d], // wasm
];

async function isBinary(repo: RepoView, path: string): Promise<boolean> {
  const ext = path.includes('.') ? (path.slice(path.lastIndexOf('.') + 1).toLowerCase() ?? '') : '';
  if (BINARY_EXTENSIONS.has(ext)) return true;
  const head = await repo.bytes(path, 4);
  return head !== undefined && head.length >= 2 && MAGIC.some((m) => m.every((b, i) => head[i] === b));
}

/** The workflow step that validates the Gradle wrapper, if any. */
export async function gradleWrapperValidation(repo: RepoView): Promise<{ file: string; line: number } | undefined> {
  for (const w of await repo.workflows()) {
    if (w.triggers.length === 0) continue;
    for (const job of w.jobs)
      for (const step of job.steps) {
        const action = step.uses?.value.split('@')[0]?.toLowerCase();
        if (action === 'gradle/wrapper-validation-action' || action === 'gradle/actions/wrapper-validation') return { file: w.path, line: step.uses?.line ?? step.line };
      }
  }
  return undefined;
}

export const binaryArtifacts: Check = {
  name: 'Binary-Artifacts',
  risk: 'High',
  short: 'Determines if the project has generated executable (binary) artifacts in the source repository.',
  async run(repo) {
    const findings: CheckFinding[] = [];
    let count = 0;
    const validation = await gradleWrapperValidation(repo);
    for (const path of await repo.files()) {
      if (GENERATED.some((r) => r.test(path)) || !(await isBinary(repo, path))) continue;
      if (/(^|\/)gradle-wrapper\.jar$/.test(path) && validation !== undefined) {
        findings.push({ level: 'Info', message: `gradle-wrapper.jar validated by ${validation.file}:${validation.line}`, file: path });
        continue;
      }
      count++;
      findings.push({ level: 'Warn', message: 'binary detected', file: path });
    }
    return { score: Math.max(0, MAX_SCORE - count), reason: count === 0 ? 'no binaries found in the repo' : `${count} binary file(s) found in the repo`, findings };
  },
};
