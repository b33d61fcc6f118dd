import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open-store.js';
import { verifyStore } from '../../src/store/verify.js';
import { tempDir } from '../helpers/shared.js';

const OPEN_STORE = fileURLToPath(new URL('../../src/store/open-store.js', import.meta.url));

/** A separate Node process putting `count` files, one put each, into the same release of the same store. */
function writer(projectDir: string, tag: string, count: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const { openStore } = await import(${JSON.stringify(OPEN_STORE)});
    const store = openStore({ projectDir: ${JSON.stringify(projectDir)} });
    for (let i = 0; i < ${count}; i++) {
      await store.put('v1', [{ name: 'evidence/${tag}-' + String(i).padStart(2, '0') + '.json', content: Buffer.from(JSON.stringify({ writer: '${tag}', i })) }]);
      await store.put('v1', [{ name: 'shared/checksums.txt', content: Buffer.from('same bytes from every writer\\n') }]);
    }
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('store: concurrent writers', () => {
  it('two processes putting into the same release at once lose no entry and leave a valid index', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const results = await Promise.all([writer(dir, 'a', 25), writer(dir, 'b', 25)]);
      for (const r of results) assert.equal(r.code, 0, r.stderr);
      const store = openStore({ projectDir: dir });
      const { index } = await store.requireIndex('v1');
      assert.equal(index.entries.length, 51, 'every entry of both writers, and the shared one once');
      assert.deepEqual(
        index.entries.map((e) => e.name).filter((n) => n.startsWith('evidence/a-')),
        Array.from({ length: 25 }, (_, i) => `evidence/a-${String(i).padStart(2, '0')}.json`),
      );
      JSON.parse(readFileSync(join(dir, 'data/artifacts/supply-chain/releases/v1.json'), 'utf8'));
      const verified = await verifyStore(store);
      assert.equal(verified.ok, true);
      assert.equal(verified.blobs, 51);
      assert.deepEqual(verified.leftovers, [], 'no temporary file or lock left behind');
    } finally {
      cleanup();
    }
  });
});
