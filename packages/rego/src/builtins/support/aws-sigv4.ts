/** AWS Signature Version 4 request signing, as OPA's providers.aws.sign_req computes it. */
import { createHash, createHmac } from 'node:crypto';

export interface AwsCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly region: string;
  readonly sessionToken: string;
}

export interface SignInput {
  readonly method: string;
  readonly host: string;
  readonly escapedPath: string;
  readonly rawQuery: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
  readonly service: string;
  readonly creds: AwsCredentials;
  readonly timeMs: number;
  readonly unsignedPayload: boolean;
}

const IGNORED = new Set(['authorization', 'user-agent', 'x-amzn-trace-id']);

const hmac = (key: Buffer | string, msg: string): Buffer => createHmac('sha256', key).update(msg, 'utf8').digest();
const sha256hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Returns the Authorization header and the AWS headers to add. */
export function signV4(input: SignInput): { authorization: string; awsHeaders: Map<string, string> } {
  const payloadHash = input.unsignedPayload ? 'UNSIGNED-PAYLOAD' : sha256hex(input.body);
  const iso = new Date(input.timeMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const date = iso.slice(0, 8);
  const awsHeaders = new Map<string, string>([
    ['host', input.host],
    ['x-amz-date', iso],
  ]);
  if (input.service === 's3' || input.service === 'glacier') awsHeaders.set('x-amz-content-sha256', payloadHash);
  if (input.creds.sessionToken !== '') awsHeaders.set('x-amz-security-token', input.creds.sessionToken);
  const toSign = new Map(awsHeaders);
  for (const [k, v] of input.headers) if (!IGNORED.has(k.toLowerCase())) toSign.set(k.toLowerCase(), v);
  const names = [...toSign.keys()].sort();
  const canonical = [input.method, input.escapedPath, input.rawQuery, ...names.map((k) => `${k}:${toSign.get(k) ?? ''}`), '', names.join(';'), payloadHash].join('\n');
  const scope = `${date}/${input.creds.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', iso, scope, sha256hex(canonical)].join('\n');
  let key = hmac(`AWS4${input.creds.secretKey}`, date);
  key = hmac(key, input.creds.region);
  key = hmac(key, input.service);
  key = hmac(key, 'aws4_request');
  const signature = hmac(key, stringToSign).toString('hex');
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${input.creds.accessKey}/${scope},SignedHeaders=${names.join(';')},Signature=${signature}`,
    awsHeaders,
  };
}
