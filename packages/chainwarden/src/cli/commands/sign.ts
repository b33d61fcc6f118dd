import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleMode } from '../../attest/verify.js';
import { parseStatement } from '../../attest/statement.js';
import { attestStatement, signArtifact } from '../../attest/sign.js';
import type { SignFlags } from '../../attest/signer-config.js';
import { signerOptionsFrom } from '../../attest/signer-config.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { loadConfig } from '../../core/config.js';
import { IoError, InputError } from '../../core/errors.js';
import { parseJsonText } from '../../core/parse.js';
import { sha256Hex } from '../../core/digest.js';
import type { CliIo } from '../io.js';

export async function signCommand(verb: 'sign' | 'attest', file: string, flags: SignFlags & { output?: string; json?: boolean }, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, file);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw new IoError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const { config } = await loadConfig(io.cwd);
  const options = signerOptionsFrom(config.sign, io.cwd, flags, io.cwd, io.env);
  let subjects: string[] = [];
  let json;
  if (verb === 'attest') {
    const value = parseJsonText(data.toString('utf8'), file, (message, loc, cause) => new InputError(message, { file, ...loc }, { cause }));
    subjects = parseStatement(value, { file }).statement.subject.map((s) => s.name ?? '(unnamed)');
    json = await attestStatement(data, options);
  } else {
    json = await signArtifact(data, options);
  }
  const output = flags.output ?? `${file}.sigstore.json`;
  const text = `${JSON.stringify(json, null, 2)}\n`;
  await writeFileAtomic(resolve(io.cwd, output), text);
  const { bundleFromJSON } = await import('@sigstore/bundle');
  const mode = bundleMode(bundleFromJSON(json));
  const summary = {
    file,
    sha256: sha256Hex(data),
    bundle: output,
    mediaType: json.mediaType,
    content: verb === 'attest' ? 'dsseEnvelope' : 'messageSignature',
    mode,
    keyHint: json.verificationMaterial.publicKey?.hint,
    tlogEntries: (json.verificationMaterial.tlogEntries ?? []).length,
    timestamps: (json.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).length,
    ...(verb === 'attest' ? { subjects } : {}),
  };
  if (flags.json === true) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    const how = mode === 'key' ? `key ${summary.keyHint ?? ''}` : 'keyless (Fulcio certificate)';
    const evidence = `${summary.tlogEntries} transparency-log entr${summary.tlogEntries === 1 ? 'y' : 'ies'}, ${summary.timestamps} timestamp(s)`;
    io.stdout.write(`${verb === 'attest' ? 'attested' : 'signed'}  ${file} (sha256 ${summary.sha256})\n  bundle    ${output} (Sigstore bundle v0.3, ${verb === 'attest' ? 'DSSE in-toto' : 'message signature'})\n  signer    ${how}\n  evidence  ${evidence}\n`);
  }
  return 0;
}
