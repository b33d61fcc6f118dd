/**
 * What a shell script installs or runs from the network, and whether each is pinned: download-then-run (`curl … |
 * bash`, a downloaded file executed later, `bash <(wget …)`), and package-manager installs (pip, npm, go, choco,
 * nuget/dotnet). One rule per package manager in PACKAGE_RULES; the semantics follow OpenSSF Scorecard's
 * Pinned-Dependencies check.
 */
import type { ParsedScript, SimpleCommand } from './shell.js';
import { binaryName, parseScript } from './shell.js';

export type ScriptDependencyType = 'downloadThenRun' | 'pipCommand' | 'npmCommand' | 'goCommand' | 'chocoCommand' | 'nugetCommand';

export interface ScriptDependency {
  readonly type: ScriptDependencyType;
  readonly pinned: boolean;
  /** 0-based line offsets inside the script. */
  readonly line: number;
  readonly endLine: number;
  readonly snippet: string;
}

const INTERPRETERS = new Set(['sh', 'bash', 'dash', 'ksh', 'mksh', 'zsh', 'perl', 'ruby', 'php', 'node', 'nodejs', 'source', '.']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ksh', 'mksh', 'zsh']);
const isPython = (name: string): boolean => /^python(\d+(\.\d+)?)?$/.test(name);
const isInterpreter = (name: string): boolean => INTERPRETERS.has(name) || isPython(name);
const words = (c: SimpleCommand): string[] => c.words.map((w) => w.text);

function isDownload(cmd: readonly string[]): boolean {
  const name = binaryName(cmd[0] ?? '');
  if (name === 'curl' || name === 'wget') return true;
  if (name === 'gsutil') return cmd.slice(1).some((a) => a.toLowerCase() === 'cp');
  if (name === 'aws') return (cmd[1] === 's3api' && cmd[2] === 'get-object') || (cmd[1] === 's3' && cmd[2] === 'cp');
  return false;
}

const basenameOfUrl = (url: string): string | undefined => {
  const m = /^[a-z]+:\/\/[^/]+\/(?:.*\/)?([^/?#]+)/i.exec(url);
  return m?.[1];
};

/** The file a download command writes, if it writes one. */
function downloadedFile(c: SimpleCommand): string | undefined {
  const redirect = c.redirects.find((r) => r.op === '>' || r.op === '>|');
  if (redirect !== undefined) return redirect.target;
  const cmd = words(c);
  const name = binaryName(cmd[0] ?? '');
  for (let i = 1; i < cmd.length; i++) {
    const a = cmd[i] as string;
    if (name === 'curl' && (a === '-o' || a === '--output')) return cmd[i + 1];
    if (name === 'curl' && a.startsWith('-o') && a.length > 2 && !a.startsWith('--')) return a.slice(2);
    if (name === 'curl' && a === '-O') return basenameOfUrl(cmd.find((w) => /^[a-z]+:\/\//i.test(w)) ?? '');
    if (name === 'wget' && (a === '-O' || a === '--output-document')) return cmd[i + 1] === '-' ? undefined : cmd[i + 1];
    if (name === 'wget' && a.startsWith('--output-document=')) return a.slice('--output-document='.length);
    if (name === 'wget' && /^-[a-zA-Z]*O$/.test(a)) return cmd[i + 1] === '-' ? undefined : cmd[i + 1];
  }
  if (name === 'wget') return basenameOfUrl(cmd.find((w) => /^[a-z]+:\/\//i.test(w)) ?? '');
  if (name === 'gsutil' || name === 'aws') return cmd[cmd.length - 1];
  return undefined;
}

const sameFile = (a: string, b: string): boolean => a.replace(/^\.\//, '') === b.replace(/^\.\//, '');

function executesFile(cmd: readonly string[], file: string): boolean {
  const first = cmd[0];
  if (first === undefined) return false;
  if (sameFile(first, file)) return true;
  if (!isInterpreter(binaryName(first))) return false;
  const operand = cmd.slice(1).find((a) => !a.startsWith('-'));
  return operand !== undefined && sameFile(operand, file);
}

// --- package managers -------------------------------------------------------------------------------------------

const PINNED_GIT_SOURCE = /^git(\+(https?|ssh|git))?:\/\/.*@[a-fA-F0-9]{40}(#egg=.*)?$/;
const isRemoteSource = (s: string): boolean => /^(git|svn|hg|bzr)\+?.+$/.test(s) && /:\/\//.test(s);
const isPinnedSource = (s: string): boolean => !isRemoteSource(s) || PINNED_GIT_SOURCE.test(s);

/** pip arguments after `install`: pinned only with --require-hashes, local/.whl-only installs, or --no-deps editable installs of local or hash-pinned sources. */
function pipInstall(args: readonly string[]): boolean | undefined {
  const at = args.findIndex((a) => a.toLowerCase() === 'install');
  if (at < 0) return undefined;
  let noDeps = false;
  let editable = false;
  let hashes = false;
  let wheel = false;
  const sources: string[] = [];
  for (let i = at + 1; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--no-deps') noDeps = true;
    else if (a === '-e' || a === '--editable') {
      editable = true;
      const src = args[i + 1];
      if (src !== undefined) {
        sources.push(src);
        i++;
      }
    } else if (a === '--require-hashes') hashes = true;
    else if (a.endsWith('.whl')) wheel = true;
    else sources.push(a);
  }
  if (hashes) return true;
  if (editable) return noDeps && sources.every(isPinnedSource);
  if (sources.length > 0) return false;
  return wheel;
}

type Rule = (cmd: readonly string[]) => { type: ScriptDependencyType; pinned: boolean } | undefined;

const pipRule: Rule = (cmd) => {
  const name = binaryName(cmd[0] ?? '');
  let args: readonly string[] | undefined;
  if (name === 'pip' || name === 'pip3') args = cmd.slice(1);
  else if (isPython(name)) {
    const m = cmd.findIndex((a, i) => a === '-m' && cmd[i + 1]?.toLowerCase() === 'pip');
    if (m >= 0) args = cmd.slice(m + 2);
  }
  if (args === undefined) return undefined;
  const pinned = pipInstall(args);
  return pinned === undefined ? undefined : { type: 'pipCommand', pinned };
};

const npmRule: Rule = (cmd) => {
  if (binaryName(cmd[0] ?? '') !== 'npm') return undefined;
  const sub = cmd.slice(1).map((a) => a.toLowerCase());
  if (sub.some((a) => ['install', 'i', 'install-test', 'update'].includes(a))) return { type: 'npmCommand', pinned: false };
  if (sub.some((a) => a === 'ci' || a === 'install-ci-test')) return { type: 'npmCommand', pinned: true };
  return undefined;
};

const SEMVER = /^v\d+\.\d+\.\d+(-[0-9A-Za-z-.]+)?(\+[0-9A-Za-z-.]+)?$/;
const HASH = /^[A-Fa-f0-9]{40,}$/;
const GO_FLAGS = new Set(['-d', '-f', '-t', '-u', '-v', '-fix', '-insecure']);

const goRule: Rule = (cmd) => {
  if (binaryName(cmd[0] ?? '') !== 'go' || cmd.length <= 2) return undefined;
  const at = cmd.findIndex((a, i) => i > 0 && (a === 'get' || a === 'install'));
  if (at < 0) return undefined;
  let insecure = false;
  let i = at + 1;
  while (i < cmd.length && GO_FLAGS.has(cmd[i] as string)) {
    if (cmd[i] === '-insecure') insecure = true;
    i++;
  }
  const pkg = cmd[i];
  if (pkg === undefined) return undefined;
  // Not a module path (a local folder): pinned by go.mod/go.sum.
  if (!/\w+\.\w+\/\w+/.test(pkg)) return undefined;
  const parts = pkg.split('@');
  const version = parts.length === 2 ? (parts[1] as string) : undefined;
  const pinned = version !== undefined && (version === 'none' || HASH.test(version) || (!insecure && SEMVER.test(version)));
  return { type: 'goCommand', pinned };
};

const chocoRule: Rule = (cmd) => {
  const name = binaryName(cmd[0] ?? '');
  if ((name !== 'choco' && name !== 'choco.exe') || cmd[1]?.toLowerCase() !== 'install') return undefined;
  const pinned = cmd.slice(1).some((a) => ['--requirechecksum', '--requirechecksums', '--require-checksums'].includes((a.split('=')[0] ?? '').toLowerCase()));
  return { type: 'chocoCommand', pinned };
};

const nugetRule: Rule = (cmd) => {
  const name = binaryName(cmd[0] ?? '');
  const lower = cmd.map((a) => a.toLowerCase());
  if ((name === 'nuget' || name === 'nuget.exe') && lower[1] === 'install') {
    const target = cmd.slice(2).find((a) => !a.startsWith('-'));
    const pinned = lower.includes('-version') || (target !== undefined && /packages\.config$/i.test(target));
    return { type: 'nugetCommand', pinned };
  }
  if (name === 'dotnet' && lower[1] === 'add' && (lower[2] === 'package' || lower[3] === 'package')) {
    return { type: 'nugetCommand', pinned: lower.includes('-v') || lower.includes('--version') };
  }
  return undefined;
};

/** One rule per package manager; add one by adding a function here. */
const PACKAGE_RULES: readonly Rule[] = [goRule, pipRule, npmRule, chocoRule, nugetRule];

// --- the walk ---------------------------------------------------------------------------------------------------

function walk(parsed: ParsedScript, base: number, files: Set<string>, out: ScriptDependency[], depth: number): void {
  for (const pipeline of parsed.pipelines) {
    const cmds = pipeline.commands;
    // `curl … | bash`
    for (let k = 0; k + 1 < cmds.length; k++) {
      const left = cmds[k] as SimpleCommand;
      const right = cmds[k + 1] as SimpleCommand;
      if (isDownload(words(left)) && isInterpreter(binaryName(right.words[0]?.text ?? ''))) {
        out.push({ type: 'downloadThenRun', pinned: false, line: base + left.line, endLine: base + right.endLine, snippet: `${left.text} | ${right.text}` });
      }
    }
    for (const c of cmds) {
      const cmd = words(c);
      const name = binaryName(cmd[0] ?? '');
      // `bash -c "…"`: the command string is a script of its own.
      if (SHELLS.has(name) && depth < 4) {
        const flag = cmd.findIndex((a, i) => i > 0 && a.startsWith('-') && !a.startsWith('--') && a.includes('c'));
        const inner = flag >= 0 ? cmd[flag + 1] : undefined;
        if (inner !== undefined) walk(parseScript(inner), base + c.line, files, out, depth + 1);
      }
      // A file downloaded earlier, executed now.
      for (const file of files) {
        if (executesFile(cmd, file)) out.push({ type: 'downloadThenRun', pinned: false, line: base + c.line, endLine: base + c.endLine, snippet: c.text });
      }
      // `bash <(wget …)`
      const subst = c.words[1]?.procSubst;
      if (isInterpreter(name) && subst !== undefined && parseScript(subst).pipelines.some((p) => p.commands[0] !== undefined && isDownload(words(p.commands[0])))) {
        out.push({ type: 'downloadThenRun', pinned: false, line: base + c.line, endLine: base + c.endLine, snippet: c.text });
      }
      for (const rule of PACKAGE_RULES) {
        const hit = rule(cmd);
        if (hit !== undefined) {
          out.push({ ...hit, line: base + c.line, endLine: base + c.endLine, snippet: c.text });
          break;
        }
      }
      if (isDownload(cmd)) {
        const file = downloadedFile(c);
        if (file !== undefined && file !== '' && file !== '-' && file !== '/dev/null') files.add(file);
      }
    }
  }
  if (depth < 4) for (const n of parsed.nested) walk(parseScript(n.script), base + n.line, files, out, depth + 1);
}

/**
 * The dependencies a script pulls in. `files` carries downloaded file names across scripts (a file fetched in one
 * workflow step and run in the next is still download-then-run).
 */
export function scriptDependencies(script: string, files: Set<string> = new Set()): ScriptDependency[] {
  const out: ScriptDependency[] = [];
  walk(parseScript(script), 0, files, out, 0);
  return out;
}
