import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactStore } from '../../src/store/artifact-store.js';
import { LocalFolderStorage } from '../../src/store/local-folder-storage.js';
import { REPO_ROOT } from '../helpers/shared.js';

/** A store in `dir` whose clock the test moves. */
export function testStore(dir: string, start = '2026-01-01T00:00:00Z', retentionDays?: number): { store: ArtifactStore; clock: { now: Date } } {
  const clock = { now: new Date(start) };
  const store = new ArtifactStore(new LocalFolderStorage(join(dir, 'store'), 'store'), { now: () => clock.now, ...(retentionDays !== undefined ? { retentionDays } : {}) });
  return { store, clock };
}

/** Real evidence files from the example project (written by us; the SBOM comes from its lockfiles in other tests). */
export function exampleFile(path: string): Buffer {
  return readFileSync(join(REPO_ROOT, 'examples/hotpass-like', path));
}
