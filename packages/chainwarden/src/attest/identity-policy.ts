/**
 * Matching a verified certificate identity against what the verifier expects: subject (SAN) and issuer, exact or
 * by regular expression (cosign's `--certificate-identity[-regexp]`, `--certificate-oidc-issuer[-regexp]`), and
 * optional GitHub claims (`--repository`, `--ref`, `--workflow`). Regular expressions must match the WHOLE value.
 */
import { UsageError } from '../core/errors.js';
import type { SignerIdentity } from './fulcio-claims.js';
import type { Check, CheckName } from './verification-result.js';

export interface IdentityPolicy {
  readonly subject?: string;
  readonly subjectRegexp?: string;
  readonly issuer?: string;
  readonly issuerRegexp?: string;
  /** `owner/repo` */
  readonly repository?: string;
  /** `refs/heads/main` */
  readonly ref?: string;
  /** `.github/workflows/release.yml` (or the legacy workflow name) */
  readonly workflow?: string;
}

function wholeMatch(pattern: string, what: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch (error) {
    throw new UsageError(`${what}: invalid regular expression ${JSON.stringify(pattern)} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/** Validates a policy up front (both halves present, regexps compile). */
export function assertIdentityPolicy(policy: IdentityPolicy): void {
  if ((policy.subject === undefined) === (policy.subjectRegexp === undefined)) {
    throw new UsageError('keyless verification needs exactly one of --certificate-identity or --certificate-identity-regexp');
  }
  if ((policy.issuer === undefined) === (policy.issuerRegexp === undefined)) {
    throw new UsageError('keyless verification needs exactly one of --certificate-oidc-issuer or --certificate-oidc-issuer-regexp');
  }
  if (policy.subjectRegexp !== undefined) wholeMatch(policy.subjectRegexp, '--certificate-identity-regexp');
  if (policy.issuerRegexp !== undefined) wholeMatch(policy.issuerRegexp, '--certificate-oidc-issuer-regexp');
}

function check(name: CheckName, expected: string, regexp: boolean, actual: string | undefined, label: string): Check {
  if (actual === undefined) return { name, status: 'fail', detail: `the certificate has no ${label} (expected ${regexp ? `/${expected}/` : expected})` };
  const ok = regexp ? wholeMatch(expected, label).test(actual) : actual === expected;
  return { name, status: ok ? 'pass' : 'fail', detail: ok ? `${label} ${actual}` : `${label} ${actual} does not match ${regexp ? `/${expected}/` : expected}` };
}

/** The identity checks, in a fixed order. */
export function identityChecks(policy: IdentityPolicy, identity: SignerIdentity): Check[] {
  const checks: Check[] = [];
  checks.push(
    policy.subjectRegexp !== undefined
      ? check('identity', policy.subjectRegexp, true, identity.subjectAlternativeName, 'subject')
      : check('identity', policy.subject ?? '', false, identity.subjectAlternativeName, 'subject'),
  );
  checks.push(
    policy.issuerRegexp !== undefined
      ? check('issuer', policy.issuerRegexp, true, identity.issuer, 'issuer')
      : check('issuer', policy.issuer ?? '', false, identity.issuer, 'issuer'),
  );
  if (policy.repository !== undefined) checks.push(check('github-repository', policy.repository, false, identity.repository, 'repository'));
  if (policy.ref !== undefined) checks.push(check('github-ref', policy.ref, false, identity.ref, 'ref'));
  if (policy.workflow !== undefined) {
    const byPath = check('github-workflow', policy.workflow, false, identity.workflow, 'workflow');
    const byName = identity.workflowName === policy.workflow;
    checks.push(byPath.status === 'pass' || !byName ? byPath : { name: 'github-workflow', status: 'pass', detail: `workflow name ${policy.workflow}` });
  }
  return checks;
}
