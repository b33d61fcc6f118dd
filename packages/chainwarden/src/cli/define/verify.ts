import type { VerifyFlags } from '../commands/verify.js';
import type { DefineContext } from './context.js';

export function defineVerify({ program, io, setExitCode }: DefineContext): void {
  program
    .command('verify')
    .description('Verify a Sigstore bundle for an artifact, offline: with a public key, a signer identity, or a supplier trust policy')
    .argument('[artifact]', 'the signed file (for a DSSE bundle: the statement\'s subject)')
    .requiredOption('--bundle <path>', 'the Sigstore bundle (<artifact>.sigstore.json)')
    .option('--key <public.pem>', 'the public key that must have signed (key bundles)')
    .option('--certificate-identity <san>', 'keyless: the exact certificate subject (e.g. a workflow URI or an email)')
    .option('--certificate-identity-regexp <re>', 'keyless: a regular expression the whole subject must match')
    .option('--certificate-oidc-issuer <url>', 'keyless: the exact OIDC issuer')
    .option('--certificate-oidc-issuer-regexp <re>', 'keyless: a regular expression the whole issuer must match')
    .option('--repository <owner/repo>', 'keyless: the GitHub repository in the certificate')
    .option('--ref <ref>', 'keyless: the git ref in the certificate (e.g. refs/heads/main)')
    .option('--workflow <path>', 'keyless: the workflow file (e.g. .github/workflows/release.yml)')
    .option('--policy <trust.yaml>', 'a supplier trust policy (with --supplier) instead of --key / --certificate-*')
    .option('--supplier <name>', 'the supplier of the policy whose keys and identities apply')
    .option('--trusted-root <path>', 'trusted_root.json (default: the Sigstore public-good root shipped inside chainwarden; no network)')
    .option('--require-tlog', 'fail a key bundle without a verified transparency-log entry')
    .option('--artifact-digest <alg:hex>', 'DSSE bundles: the artifact\'s digest (sha256:… or sha512:…) instead of the file')
    .option('--json', 'print every check as JSON on stdout')
    .addHelpText(
      'after',
      `
Exit codes: 0 verified, 1 a check failed (named on stderr), 2 bad input (malformed bundle, corrupt key, ...).

Examples:
  $ chainwarden verify dist/app.tar.gz --bundle dist/app.tar.gz.sigstore.json --key chainwarden.pub
  $ chainwarden verify a.txt --bundle a.txt.sigstore.json \\
      --certificate-identity https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main \\
      --certificate-oidc-issuer https://token.actions.githubusercontent.com --repository acme/app
  $ chainwarden verify vendor/acme-sbom.json --bundle vendor/acme-sbom.json.sigstore.json --policy trust.yaml --supplier acme`,
    )
    .action(async (artifact: string | undefined, flags: VerifyFlags) => {
      const { verifyCommand } = await import('../commands/verify.js');
      setExitCode(await verifyCommand(artifact, flags, io));
    });
}
