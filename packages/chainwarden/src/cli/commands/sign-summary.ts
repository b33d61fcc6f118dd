import type { SignOutputsSummary } from '../../attest/sign-outputs.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';

/** The sign stage of `chainwarden run`, for a person: the bundles written, or plainly that nothing is signed. */
export function renderSignSummary(summary: SignOutputsSummary, io: CliIo): string {
  const s = style(io.stdout, io.env);
  if (!summary.signed) {
    const lines = [
      `${s.bold('Signing')} ${s.yellow('UNSIGNED')}: ${summary.reason ?? 'no key or OIDC token'} (interim mode: digests and checksums only)`,
      table(summary.unsigned.map((u) => [u.file, `sha256 ${u.sha256}`])),
      s.dim('  sign with a key (sign.key in chainwarden.yaml or CHAINWARDEN_SIGNING_KEY) or keyless in CI (GitHub Actions id-token: write)'),
    ];
    return `${lines.join('\n')}\n`;
  }
  const lines = [`${s.bold('Signing')} ${summary.mode}`, table(summary.outputs.map((o) => [o.file, '->', o.bundle, o.kind === 'dsseEnvelope' ? '(DSSE)' : '']))];
  return `${lines.join('\n')}\n`;
}
