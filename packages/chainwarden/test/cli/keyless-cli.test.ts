import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GITHUB_CLAIMS, fakeJwt, startFakeSigstore } from '../helpers/fake-sigstore.js';
import { CLI, tempDir } from '../helpers/shared.js';

/** The CLI in a child process without blocking this process (the fake Sigstore answers from here). */
function runCliAsync(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', SIGSTORE_ID_TOKEN: '', ACTIONS_ID_TOKEN_REQUEST_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code ?? -1, stdout, stderr });
    });
  });
}

test('cli sign --keyless against a private Sigstore (URLs from flags), then verify with --trusted-root and the identity', async () => {
  const fake = await startFakeSigstore({ actionsToken: fakeJwt(GITHUB_CLAIMS) });
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'app.tar.gz'), 'release');
    writeFileSync(join(dir, 'trusted_root.json'), JSON.stringify(fake.trustedRoot));
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: `${fake.url}/actions/token`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'actions-request-token' };
    const sign = await runCliAsync(['sign', 'app.tar.gz', '--keyless', '--fulcio-url', fake.url, '--rekor-url', fake.url, '--tsa-url', fake.url, '--json'], dir, env);
    assert.equal(sign.status, 0, sign.stderr);
    const summary = JSON.parse(sign.stdout) as { mode: string; tlogEntries: number; timestamps: number };
    assert.deepEqual([summary.mode, summary.tlogEntries, summary.timestamps], ['keyless', 1, 1]);
    assert.ok(!sign.stdout.includes(fakeJwt(GITHUB_CLAIMS)) && !sign.stderr.includes('eyJ'), 'the token is never printed');

    const identity = ['--certificate-identity', GITHUB_CLAIMS.sub, '--certificate-oidc-issuer', GITHUB_CLAIMS.iss];
    const ok = await runCliAsync(['verify', 'app.tar.gz', '--bundle', 'app.tar.gz.sigstore.json', '--trusted-root', 'trusted_root.json', ...identity, '--repository', 'acme/widget', '--json'], dir, {});
    assert.equal(ok.status, 0, ok.stderr);
    const result = JSON.parse(ok.stdout) as { verified: boolean; mode: string; checks: { name: string; status: string }[] };
    assert.equal(result.mode, 'keyless');
    assert.deepEqual(
      result.checks.map((c) => `${c.name}:${c.status}`),
      ['trusted-root:pass', 'timestamp:pass', 'certificate-chain:pass', 'log:pass', 'signature:pass', 'subject-digest:pass', 'identity:pass', 'issuer:pass', 'github-repository:pass'],
    );
    // The public-good root does not trust this private instance.
    const pg = await runCliAsync(['verify', 'app.tar.gz', '--bundle', 'app.tar.gz.sigstore.json', ...identity], dir, {});
    assert.equal(pg.status, 1);
    assert.match(pg.stderr, /verification failed: (timestamp|certificate-chain):/);
    // The keyless bundle cannot be "verified" with a key instead of an identity.
    writeFileSync(join(dir, 'k.pub'), '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg==\n-----END PUBLIC KEY-----\n');
    const withKey = await runCliAsync(['verify', 'app.tar.gz', '--bundle', 'app.tar.gz.sigstore.json', '--trusted-root', 'trusted_root.json', '--key', 'k.pub'], dir, {});
    assert.equal(withKey.status, 2);
    assert.match(withKey.stderr, /the bundle is keyless/);
  } finally {
    cleanup();
    await fake.close();
  }
});
