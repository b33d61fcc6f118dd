/**
 * A fake Sigstore on loopback for tests: Fulcio, Rekor (v1 API), a timestamp authority, and GitHub Actions' OIDC
 * token endpoint, built from @sigstore/mock's CA, logs and TSA; plus the trusted root that matches them.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock';
import type { HandlerFn } from '@sigstore/mock';

export interface FakeSigstore {
  readonly url: string;
  /** A trusted_root.json for this instance. */
  readonly trustedRoot: Record<string, unknown>;
  /** Requests seen, by path. */
  readonly requests: string[];
  close(): Promise<void>;
}

const b64 = (bytes: ArrayBufferView | Buffer): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

/** An unsigned JWT with these claims (the fake Fulcio reads claims without verifying, as the real one would verify). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: 'sigstore', iat: 1, exp: 4102444800, ...claims })}.c2ln`;
}

export const GITHUB_CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'https://github.com/acme/widget/.github/workflows/release.yml@refs/heads/main',
  repository: 'acme/widget',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  event_name: 'push',
  workflow: 'Release',
  job_workflow_ref: 'acme/widget/.github/workflows/release.yml@refs/heads/main',
};

interface DsseProposal {
  kind?: string;
  spec?: { proposedContent?: { envelope: string; verifiers: string[] } };
}

function canonicalDsseEntry(body: string): string {
  const proposal = JSON.parse(body) as DsseProposal;
  const content = proposal.spec?.proposedContent;
  if (proposal.kind !== 'dsse' || content === undefined) return body;
  const envelope = JSON.parse(content.envelope) as { payload: string; signatures: { sig: string }[] };
  const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
  return JSON.stringify({
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((s, i) => ({ signature: s.sig, verifier: content.verifiers[i] ?? content.verifiers[0] ?? '' })),
    },
  });
}

export async function startFakeSigstore(options: { actionsToken?: string } = {}): Promise<FakeSigstore> {
  const handlers = new Map<string, HandlerFn>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      requests.push(`${req.method ?? ''} ${path}`);
      if (req.method === 'GET' && path === '/actions/token' && options.actionsToken !== undefined) {
        const ok = req.headers.authorization === 'Bearer actions-request-token' && (req.url ?? '').includes('audience=sigstore');
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        res.end(ok ? JSON.stringify({ value: options.actionsToken }) : '{}');
        return;
      }
      const handler = handlers.get(path);
      if (handler === undefined || req.method !== 'POST') {
        res.writeHead(404);
        res.end();
        return;
      }
      handler(Buffer.concat(chunks).toString('utf8')).then(
        ({ statusCode, response, contentType }) => {
          res.writeHead(statusCode, { 'content-type': contentType ?? 'text/plain' });
          res.end(typeof response === 'string' ? response : Buffer.from(response.buffer, response.byteOffset, response.byteLength));
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // One clock, on a whole second: pkijs writes fractional seconds without trailing zeros (".12Z"), which
  // @sigstore/core's time parser rejects, so a timestamp made at a random millisecond fails now and then.
  // A few seconds ahead, because the mock TSA's own certificate starts at the real "now" (a second rounded up).
  const clock = new Date(Math.floor(Date.now() / 1000) * 1000 + 5000);
  const ctLog = await initializeCTLog(keyPair(), clock);
  const ca = await initializeCA(keyPair(), ctLog, clock);
  const tlog = await initializeTLog(url, keyPair(), clock);
  const tsa = await initializeTSA(keyPair(), clock);
  for (const h of [fulcioHandler(ca), rekorHandler(tlog), tsaHandler(tsa)]) handlers.set(h.path, h.fn);
  // @sigstore/mock stores a proposed entry as is; the real Rekor turns a `dsse` proposal into its canonical body
  // (signatures + payload and envelope hashes). Do the same, so DSSE bundles are logged as in production.
  const rekorPath = rekorHandler(tlog).path;
  const mockRekor = handlers.get(rekorPath);
  if (mockRekor !== undefined) handlers.set(rekorPath, (body) => mockRekor(canonicalDsseEntry(body)));

  const start = '2020-01-01T00:00:00Z';
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(tlog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') },
      },
    ],
    certificateAuthorities: [{ subject: { organization: 'fake', commonName: 'fake' }, uri: url, certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] }, validFor: { start } }],
    ctlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(ctLog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: b64(ctLog.logID) },
      },
    ],
    timestampAuthorities: [
      { subject: { organization: 'fake', commonName: 'tsa' }, certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] }, validFor: { start } },
    ],
  };
  return {
    url,
    trustedRoot,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
