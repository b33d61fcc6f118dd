/**
 * The dependencies a repository pins or does not: GitHub Actions (`uses:` by full commit SHA; local `./` actions
 * and `docker://` images by digest), Dockerfile base images (by digest), and what `run:` steps, Dockerfile `RUN`
 * lines and shell scripts install (see script-dependencies.ts).
 */
import type { RepoView } from './repo.js';
import type { ScriptDependencyType } from './script-dependencies.js';
import { scriptDependencies } from './script-dependencies.js';
import { isPosixShell, stepShell } from './step-shell.js';
import type { Workflow } from './workflow.js';

export type DependencyType = 'GitHubAction' | 'containerImage' | ScriptDependencyType;

export interface PinnedDependency {
  readonly type: DependencyType;
  readonly name: string;
  readonly pinned: boolean;
  readonly file: string;
  readonly line: number;
  readonly endLine: number;
  readonly snippet: string;
  /** GitHub-owned action (actions/*, github/*): weighs less than third-party ones in the score. */
  readonly githubOwned?: boolean;
}

/** Actions that must be referenced by tag to work (their provenance names the tag), pinned by design. */
const TAG_REQUIRED = [/^slsa-framework\/slsa-github-generator\//i];

export function isActionPinned(uses: string): boolean {
  if (uses.startsWith('./')) return true;
  if (uses.startsWith('docker://')) return /@sha256:[a-f0-9]{64}$/i.test(uses);
  const at = uses.lastIndexOf('@');
  if (at < 0) return false;
  return /^[a-f0-9]{40}$/i.test(uses.slice(at + 1));
}

const isGithubOwned = (uses: string): boolean => /^(actions|github)\//i.test(uses);

function workflowDependencies(w: Workflow): PinnedDependency[] {
  const out: PinnedDependency[] = [];
  const action = (uses: string, line: number): void => {
    const name = uses.startsWith('docker://') ? uses : (uses.split('@')[0] ?? uses);
    out.push({ type: uses.startsWith('docker://') ? 'containerImage' : 'GitHubAction', name, pinned: isActionPinned(uses) || TAG_REQUIRED.some((r) => r.test(uses)), file: w.path, line, endLine: line, snippet: uses, githubOwned: isGithubOwned(uses) });
  };
  const files = new Set<string>();
  for (const job of w.jobs) {
    if (job.uses !== undefined) action(job.uses.value, job.uses.line);
    for (const step of job.steps) {
      if (step.uses !== undefined) action(step.uses.value, step.uses.line);
      if (step.run !== undefined && isPosixShell(stepShell(w, job, step))) {
        for (const d of scriptDependencies(step.run.value, files)) {
          out.push({ type: d.type, name: d.snippet, pinned: d.pinned, file: w.path, line: step.run.line + d.line, endLine: step.run.line + d.endLine, snippet: d.snippet });
        }
      }
    }
  }
  return out;
}

const CODE_EXTENSIONS = /\.(go|c|cc|cpp|h|hpp|rs|js|ts|mjs|cjs|sh|py|pyc|java|rb|md|txt|json|ya?ml|toml)$/i;

export function isDockerfile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/^dockerfile$/i.test(base) || /\.dockerfile$/i.test(base) || /^containerfile$/i.test(base)) return true;
  return /^dockerfile[.-]/i.test(base) && !CODE_EXTENSIONS.test(base);
}

/** Dockerfile lines joined over `\` continuations, with their first and last line numbers. */
function dockerInstructions(text: string): { line: number; endLine: number; text: string }[] {
  const out: { line: number; endLine: number; text: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let joined = lines[i] as string;
    if (/^\s*#/.test(joined) || joined.trim() === '') continue;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      i++;
      const next = lines[i] as string;
      joined = `${joined.replace(/\\\s*$/, '')}\n${/^\s*#/.test(next) ? '' : next}`;
    }
    out.push({ line: first + 1, endLine: i + 1, text: joined.trim() });
  }
  return out;
}

function dockerfileDependencies(path: string, text: string): PinnedDependency[] {
  const out: PinnedDependency[] = [];
  const stages = new Set<string>();
  const args = new Map<string, string>();
  const files = new Set<string>();
  for (const ins of dockerInstructions(text)) {
    const m = /^(\w+)\s+([\s\S]*)$/.exec(ins.text);
    if (m === null) continue;
    const keyword = (m[1] as string).toUpperCase();
    const rest = m[2] as string;
    if (keyword === 'ARG') {
      const a = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?/.exec(rest);
      if (a?.[2] !== undefined) args.set(a[1] as string, a[2].replace(/^["']|["']$/g, ''));
    } else if (keyword === 'FROM') {
      const parts = rest.split(/\s+/).filter((p) => !p.startsWith('--'));
      const raw = parts[0] ?? '';
      const image = raw.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}?/g, (_, name: string) => args.get(name) ?? `$${name}`);
      if (parts[1]?.toLowerCase() === 'as' && parts[2] !== undefined) stages.add(parts[2].toLowerCase());
      if (image.toLowerCase() === 'scratch' || stages.has(image.toLowerCase())) continue;
      out.push({ type: 'containerImage', name: image, pinned: /@sha256:[a-f0-9]{64}$/i.test(image), file: path, line: ins.line, endLine: ins.endLine, snippet: ins.text.split('\n')[0] ?? ins.text });
    } else if (keyword === 'RUN' && !rest.trimStart().startsWith('[')) {
      for (const d of scriptDependencies(rest, files)) out.push({ type: d.type, name: d.snippet, pinned: d.pinned, file: path, line: ins.line + d.line, endLine: ins.line + d.endLine, snippet: d.snippet });
    }
  }
  return out;
}

const SHEBANG = /^#!\s*(?:\S*\/)?(?:env\s+)?(sh|bash|dash|mksh)\b/;

/** A shell script: a .sh/.bash file, or an extensionless file whose shebang names a POSIX shell. */
async function isShellScript(repo: RepoView, path: string): Promise<boolean> {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/\.(sh|bash)$/i.test(base)) return true;
  if (base.includes('.')) return false;
  const head = await repo.bytes(path, 64);
  return head !== undefined && SHEBANG.test(head.toString('utf8'));
}

function shellScriptDependencies(path: string, text: string): PinnedDependency[] {
  return scriptDependencies(text).map((d) => ({ type: d.type, name: d.snippet, pinned: d.pinned, file: path, line: d.line + 1, endLine: d.endLine + 1, snippet: d.snippet }));
}

/** Every dependency the repository's workflows, Dockerfiles and shell scripts declare, in file order. */
export async function collectDependencies(repo: RepoView): Promise<PinnedDependency[]> {
  const out: PinnedDependency[] = [];
  for (const w of await repo.workflows()) out.push(...workflowDependencies(w));
  const files = await repo.files();
  for (const path of files.filter(isDockerfile)) out.push(...dockerfileDependencies(path, (await repo.text(path)) ?? ''));
  for (const path of files) if (!isDockerfile(path) && (await isShellScript(repo, path))) out.push(...shellScriptDependencies(path, (await repo.text(path)) ?? ''));
  return out;
}

export { workflowDependencies };
