/**
 * The repository as the checks see it: its files (relative POSIX paths, vendored and generated trees skipped),
 * their text, and its workflows parsed once. Reads are lazy and cached; nothing is written.
 */
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Workflow, WorkflowLoad } from './workflow.js';
import { isWorkflowPath, readWorkflow } from './workflow.js';

/** Directories never walked (dependencies, VCS metadata, caches). dist/ and data/ are walked: release evidence lives there. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.cache', '.next', 'coverage']);

export class RepoView {
  private filesCache: string[] | undefined;
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private workflowsCache: Promise<WorkflowLoad[]> | undefined;

  constructor(
    /** Absolute directory. */
    readonly root: string,
    /** Extra directory names to skip. */
    private readonly skip: readonly string[] = [],
  ) {}

  /** Every file, sorted. */
  async files(): Promise<readonly string[]> {
    if (this.filesCache !== undefined) return this.filesCache;
    const out: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(join(this.root, rel), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const path = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !this.skip.includes(path)) await walk(path);
        } else if (e.isFile()) out.push(path);
      }
    };
    await walk('');
    this.filesCache = out.sort();
    return this.filesCache;
  }

  async exists(path: string): Promise<boolean> {
    return (await this.files()).includes(path);
  }

  /** A file's text (undefined when unreadable). */
  text(path: string): Promise<string | undefined> {
    let t = this.texts.get(path);
    if (t === undefined) {
      t = readFile(join(this.root, path), 'utf8').catch(() => undefined);
      this.texts.set(path, t);
    }
    return t;
  }

  /** The first `max` bytes of a file (reads no more than that). */
  async bytes(path: string, max = 4096): Promise<Buffer | undefined> {
    let handle;
    try {
      handle = await open(join(this.root, path), 'r');
      const buf = Buffer.alloc(max);
      const { bytesRead } = await handle.read(buf, 0, max, 0);
      return buf.subarray(0, bytesRead);
    } catch {
      return undefined;
    } finally {
      await handle?.close();
    }
  }

  async size(path: string): Promise<number> {
    return (await stat(join(this.root, path))).size;
  }

  /** Every workflow under .github/workflows, parsed (failures and empty files included, for the checks to report). */
  workflowLoads(): Promise<WorkflowLoad[]> {
    this.workflowsCache ??= (async () => {
      const paths = (await this.files()).filter(isWorkflowPath);
      const loads: WorkflowLoad[] = [];
      for (const p of paths) loads.push(await readWorkflow(p, (await this.text(p)) ?? ''));
      return loads;
    })();
    return this.workflowsCache;
  }

  async workflows(): Promise<Workflow[]> {
    return (await this.workflowLoads()).flatMap((l) => (l.ok === true ? [l.workflow] : []));
  }
}
