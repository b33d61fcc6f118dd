import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateSigningKeyPair } from '../../src/attest/keys.js';
import { signArtifact } from '../../src/attest/sign.js';
import { runCli } from '../helpers/cli.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';

const KEYCLOAK = shared('vex/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json');
const PROTON_OLD = shared('vex/cyclonedx-bom-examples/SBOM/proton-bridge/proton-bridge-v1.6.3.bom.json');

for (const backend of BACKENDS) {
  describe(`registry CLI (${backend})`, () => {
    it('supplier add, signed ingest, queries, revocation found by reverify, audit seal and verify, tampering found', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const db = ['--database-url', fresh.url];
      const cli = (...args: string[]) => runCli([...args, ...db], { cwd: tmp.dir, env: { CHAINWARDEN_ACTOR: 'ci-bot' } });
      const json = <T>(...args: string[]): T => {
        const run = cli(...args, '--json');
        assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
        return JSON.parse(run.stdout) as T;
      };
      try {
        const pair = generateSigningKeyPair({ unencrypted: true });
        writeFileSync(join(tmp.dir, 'acme.key'), pair.privateKeyPem);
        writeFileSync(join(tmp.dir, 'acme.pub'), pair.publicKeyPem);
        writeFileSync(join(tmp.dir, 'kc.json'), readFileSync(KEYCLOAK));
        writeFileSync(join(tmp.dir, 'kc.sigstore.json'), JSON.stringify(await signArtifact(readFileSync(KEYCLOAK), { key: join(tmp.dir, 'acme.key') })));
        writeFileSync(join(tmp.dir, 'proton.sigstore.json'), JSON.stringify(await signArtifact(readFileSync(PROTON_OLD), { key: join(tmp.dir, 'acme.key') })));

        assert.equal(cli('supplier', 'add', 'acme', '--key', 'acme.pub').status, 0);
        assert.deepEqual(json<{ name: string; keys: number }[]>('supplier', 'list').map((s) => [s.name, s.keys]), [['acme', 1]]);

        // A bundle for a different file: exit 1, nothing stored.
        const wrong = cli('ingest', 'kc.json', '--supplier', 'acme', '--bundle', 'proton.sigstore.json');
        assert.equal(wrong.status, 1, wrong.stderr);
        assert.match(wrong.stderr, /does not verify against supplier acme's trust policy/u);
        assert.deepEqual(json<unknown[]>('registry', 'products'), []);

        const human = cli('ingest', 'kc.json', '--supplier', 'acme', '--bundle', 'kc.sigstore.json');
        assert.equal(human.status, 0, human.stderr);
        assert.match(human.stdout, /^ingested org\.keycloak\/keycloak-parent@10\.0\.2 /u);
        assert.match(human.stdout, /signature verified by /u);
        assert.match(human.stdout, /903 component\(s\), 903 kept, 0 quarantined/u);
        const again = json<{ status: string }>('ingest', 'kc.json', '--supplier', 'acme', '--bundle', 'kc.sigstore.json');
        assert.equal(again.status, 'already-ingested');

        const products = json<{ name: string; supplier: string; versions: number }[]>('registry', 'products');
        assert.deepEqual(products.map((p) => [p.name, p.supplier, p.versions]), [['org.keycloak/keycloak-parent', 'acme', 1]]);
        const versions = json<{ ingestedBy: string; signature: string; components: number }[]>('registry', 'versions', 'org.keycloak/keycloak-parent');
        assert.deepEqual(versions.map((v) => [v.ingestedBy, v.signature, v.components]), [['ci-bot', 'verified', 903]]);
        const components = json<{ components: { purl: string | null }[] }>('registry', 'components', 'org.keycloak/keycloak-parent', '--version', '10.0.2');
        assert.equal(components.components.length, 903);
        const where = json<{ product: string; componentVersion: string }[]>('registry', 'where', 'pkg:maven/org.keycloak/keycloak-core');
        assert.deepEqual(where.map((w) => [w.product, w.componentVersion]), [['org.keycloak/keycloak-parent', '10.0.2']]);
        assert.deepEqual(json<unknown[]>('registry', 'where', 'pkg:maven/org.keycloak/keycloak-core@9.9.9'), []);
        const show = json<{ signer: { key: string }; quality: { ntia: { element: string }[] } }>('registry', 'show', 'org.keycloak/keycloak-parent');
        assert.equal(show.signer.key, pair.hint);
        assert.equal(show.quality.ntia.length, 7);

        assert.equal(cli('registry', 'reverify').status, 0);
        // The key is revoked after ingestion: reverify flags what it signed.
        writeFileSync(join(tmp.dir, 'trust.yaml'), `suppliers:\n  acme:\n    keys:\n      - key: acme.pub\n    revoked:\n      - key: acme.pub\n        reason: leaked\n`);
        assert.equal(cli('supplier', 'import', 'trust.yaml').status, 0);
        const reverify = cli('registry', 'reverify');
        assert.equal(reverify.status, 1, reverify.stdout);
        assert.match(reverify.stdout, /1 FAILED/u);
        assert.match(reverify.stdout, /revoked \(suppliers\.acme\.revoked\[0\]: leaked\)/u);
        assert.equal(json<{ reverify: string }[]>('registry', 'versions', 'org.keycloak/keycloak-parent')[0]?.reverify, 'failed');
        const removal = cli('supplier', 'remove', 'acme');
        assert.equal(removal.status, 2);

        // Audit: seal, verify with the key, then rewrite an entry: the chain and the seal both fail.
        assert.equal(cli('registry', 'audit', 'seal', '--key', 'acme.key').status, 0);
        const verified = json<{ ok: boolean; entries: number; seals: { status: string }[] }>('registry', 'audit', 'verify', '--key', 'acme.pub');
        assert.equal(verified.ok, true);
        assert.deepEqual(verified.seals.map((s) => s.status), ['ok']);
        assert.equal(verified.entries, 4);
        const r = await fresh.open();
        try {
          await r.db.updateTable('audit_log').set({ actor: 'someone-else' }).where('seq', '=', 2).execute();
        } finally {
          await r.close();
        }
        const broken = cli('registry', 'audit', 'verify', '--key', 'acme.pub');
        assert.equal(broken.status, 1);
        assert.match(broken.stdout, /chain BROKEN at entry 2/u);
        assert.match(broken.stdout, /seal at entry 4 \(.*\): FAILED the chain is broken at entry 2/u);
      } finally {
        await fresh.cleanup();
        tmp.cleanup();
      }
    });
  });
}

describe('registry CLI defaults', () => {
  it('the default database is data/registry/chainwarden.sqlite under the project; bad input exits 2', () => {
    const tmp = tempDir();
    try {
      writeFileSync(join(tmp.dir, 'bom.json'), readFileSync(PROTON_OLD));
      const run = runCli(['ingest', 'bom.json', '--json'], { cwd: tmp.dir });
      assert.equal(run.status, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { signature: string }).signature, 'first-party');
      assert.ok(readFileSync(join(tmp.dir, 'data/registry/chainwarden.sqlite')).byteLength > 0);
      writeFileSync(join(tmp.dir, 'bad.json'), '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[');
      const bad = runCli(['ingest', 'bad.json'], { cwd: tmp.dir });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /bad\.json:1:\d+: not valid JSON/u);
      const unknown = runCli(['ingest', 'bom.json', '--supplier', 'nobody'], { cwd: tmp.dir });
      assert.equal(unknown.status, 0, 'the same bytes are already ingested, whoever claims them');
    } finally {
      tmp.cleanup();
    }
  });
});
