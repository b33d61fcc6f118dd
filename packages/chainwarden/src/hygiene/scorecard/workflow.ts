/**
 * A GitHub Actions workflow read with the `yaml` package's Document API, keeping the line of every value the
 * checks point at (a `uses:`, a `run:` script, a permission). Aliases and anchors are resolved. A file that is not
 * valid YAML is returned as a parse failure with its line, never thrown.
 */
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';

export interface Located {
  readonly value: string;
  readonly line: number;
}

/** A `permissions:` block: `read-all`/`write-all`/… (all) or per-scope values. */
export interface PermissionsDecl {
  readonly line: number;
  readonly all?: Located;
  readonly scopes: ReadonlyMap<string, Located>;
}

export interface WorkflowStep {
  readonly line: number;
  readonly name?: string;
  readonly uses?: Located;
  /** The script, and the file line its first line sits on. */
  readonly run?: Located;
  /** `shell:` given on the step. */
  readonly shell?: string;
  readonly with: ReadonlyMap<string, Located>;
  readonly if?: string;
}

export interface WorkflowJob {
  readonly id: string;
  readonly line: number;
  readonly name?: string;
  readonly permissions?: PermissionsDecl;
  /** `runs-on` labels (strings; an expression stays as written). */
  readonly runsOn: readonly string[];
  /** `strategy.matrix` as plain data (undefined when absent or an expression). */
  readonly matrix?: unknown;
  /** `defaults.run.shell` of the job. */
  readonly defaultShell?: string;
  /** A reusable-workflow call (`jobs.<id>.uses`). */
  readonly uses?: Located;
  /** The job's container image (`container:` or `container.image`). */
  readonly container?: string;
  readonly steps: readonly WorkflowStep[];
}

export interface Workflow {
  readonly path: string;
  readonly text: string;
  readonly triggers: readonly string[];
  readonly permissions?: PermissionsDecl;
  readonly defaultShell?: string;
  readonly jobs: readonly WorkflowJob[];
}

export type WorkflowLoad =
  | { readonly ok: true; readonly workflow: Workflow }
  | { readonly ok: false; readonly path: string; readonly line: number; readonly column?: number; readonly message: string }
  | { readonly ok: 'empty'; readonly path: string };

class Reader {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  resolve(node: unknown): unknown {
    let n = node;
    for (let i = 0; i < 16 && isAlias(n); i++) n = n.resolve(this.doc);
    return n;
  }

  line(node: unknown, fallback = 1): number {
    const range = (node as { range?: readonly [number, number, number] } | null | undefined)?.range;
    return range !== undefined ? this.lines.linePos(range[0]).line : fallback;
  }

  get(map: unknown, key: string): unknown {
    const m = this.resolve(map);
    if (!isMap(m)) return undefined;
    for (const pair of m.items) {
      const k = this.resolve(pair.key);
      if (isScalar(k) && String(k.value) === key) return this.resolve(pair.value);
    }
    return undefined;
  }

  entries(map: unknown): { key: string; keyNode: unknown; value: unknown }[] {
    const m = this.resolve(map);
    if (!isMap(m)) return [];
    return m.items.flatMap((pair) => {
      const k = this.resolve(pair.key);
      return isScalar(k) ? [{ key: String(k.value), keyNode: k, value: this.resolve(pair.value) }] : [];
    });
  }

  str(node: unknown): string | undefined {
    const n = this.resolve(node);
    if (!isScalar(n)) return undefined;
    const v = n.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined;
  }

  located(node: unknown): Located | undefined {
    const value = this.str(node);
    return value === undefined ? undefined : { value, line: this.line(node) };
  }

  /** A scalar's text and the line its content starts on (block scalars start on the line after `|`/`>`). */
  script(node: unknown): Located | undefined {
    const n = this.resolve(node);
    const value = this.str(n);
    if (value === undefined || !isScalar(n)) return undefined;
    const block = n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED';
    return { value, line: this.line(n) + (block ? 1 : 0) };
  }

  list(node: unknown): unknown[] {
    const n = this.resolve(node);
    return isSeq(n) ? n.items.map((i) => this.resolve(i)) : n === undefined || n === null ? [] : [n];
  }

  js(node: unknown): unknown {
    const n = this.resolve(node);
    return n !== undefined && n !== null && typeof (n as YamlNode).toJSON === 'function' ? (n as YamlNode).toJSON(this.doc) : this.str(n);
  }

  permissions(node: unknown): PermissionsDecl | undefined {
    if (node === undefined) return undefined;
    const n = this.resolve(node);
    const line = this.line(n);
    if (isMap(n)) return { line, scopes: new Map(this.entries(n).flatMap((e) => (this.located(e.value) !== undefined ? [[e.key, this.located(e.value) as Located]] : []))) };
    const all = this.located(n);
    return { line, ...(all !== undefined && all.value !== '' ? { all } : {}), scopes: new Map() };
  }

  triggers(node: unknown): string[] {
    const n = this.resolve(node);
    if (isMap(n)) return this.entries(n).map((e) => e.key);
    return this.list(n).flatMap((i) => this.str(i) ?? []);
  }

  step(node: unknown): WorkflowStep {
    const withNode = this.get(node, 'with');
    const uses = this.located(this.get(node, 'uses'));
    const run = this.script(this.get(node, 'run'));
    const name = this.str(this.get(node, 'name'));
    const shell = this.str(this.get(node, 'shell'));
    const cond = this.str(this.get(node, 'if'));
    return {
      line: this.line(node),
      ...(name !== undefined ? { name } : {}),
      ...(uses !== undefined ? { uses } : {}),
      ...(run !== undefined ? { run } : {}),
      ...(shell !== undefined ? { shell } : {}),
      ...(cond !== undefined ? { if: cond } : {}),
      with: new Map(this.entries(withNode).flatMap((e) => (this.script(e.value) !== undefined ? [[e.key, this.script(e.value) as Located]] : []))),
    };
  }

  job(id: string, keyNode: unknown, node: unknown): WorkflowJob {
    const strategy = this.get(node, 'strategy');
    const matrix = this.js(this.get(strategy, 'matrix'));
    const name = this.str(this.get(node, 'name'));
    const defaultShell = this.str(this.get(this.get(this.get(node, 'defaults'), 'run'), 'shell'));
    const uses = this.located(this.get(node, 'uses'));
    const permNode = this.get(node, 'permissions');
    const permissions = this.permissions(permNode);
    const containerNode = this.get(node, 'container');
    const container = this.str(containerNode) ?? this.str(this.get(containerNode, 'image'));
    const runsOnNode = this.get(node, 'runs-on');
    const runsOn = isMap(runsOnNode) ? this.list(this.get(runsOnNode, 'labels')).flatMap((l) => this.str(l) ?? []) : this.list(runsOnNode).flatMap((l) => this.str(l) ?? []);
    return {
      id,
      line: this.line(keyNode),
      ...(name !== undefined ? { name } : {}),
      ...(permissions !== undefined ? { permissions } : {}),
      runsOn,
      ...(matrix !== undefined && typeof matrix === 'object' ? { matrix } : {}),
      ...(defaultShell !== undefined ? { defaultShell } : {}),
      ...(uses !== undefined ? { uses } : {}),
      ...(container !== undefined ? { container } : {}),
      steps: this.list(this.get(node, 'steps')).map((s) => this.step(s)),
    };
  }
}

/** Reads one workflow file's text. `path` is how findings name it (relative to the repository). */
export async function readWorkflow(path: string, text: string): Promise<WorkflowLoad> {
  const { parseDocument, LineCounter: Lines } = await import('yaml');
  const lines = new Lines();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, strict: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error.linePos?.[0];
    return { ok: false, path, line: pos?.line ?? 1, ...(pos !== undefined ? { column: pos.col } : {}), message: `invalid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}` };
  }
  const r = new Reader(doc, lines);
  const root = r.resolve(doc.contents);
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) return { ok: 'empty', path };
  if (!isMap(root)) return { ok: false, path, line: r.line(root), message: 'a workflow must be a mapping (name, on, jobs)' };
  const jobsNode = r.get(root, 'jobs');
  if (jobsNode !== undefined && !isMap(jobsNode)) return { ok: false, path, line: r.line(jobsNode), message: '`jobs` must be a mapping of job ids to jobs' };
  const permissions = r.permissions(r.get(root, 'permissions'));
  const defaultShell = r.str(r.get(r.get(r.get(root, 'defaults'), 'run'), 'shell'));
  return {
    ok: true,
    workflow: {
      path,
      text,
      triggers: r.triggers(r.get(root, 'on')),
      ...(permissions !== undefined ? { permissions } : {}),
      ...(defaultShell !== undefined ? { defaultShell } : {}),
      jobs: r.entries(jobsNode).map((e) => r.job(e.key, e.keyNode, e.value)),
    },
  };
}

/** True for files GitHub runs as workflows: `.github/workflows/*.yml|yaml`. */
export function isWorkflowPath(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}
