/** Starter policy file `policy/exceptions.yaml` (written by `chainwarden policy init`). */
export const EXCEPTIONS_YAML = `# Time-boxed exceptions to the policy, owned by a person. Each names a rule (its id, e.g. license_not_allowed),
# a target (the violation's target; * is a wildcard), a reason, an owner and the last day it applies.
# An expired exception no longer waives anything and the gate says so.
exceptions: []
#  - rule: vulnerability_open
#    target: "GHSA-h5c8-rqwp-cp95 pkg:pypi/jinja2@3.1.2"
#    reason: template rendering never sees user input (SEC-123)
#    owner: security@example.com
#    expires: 2026-06-30
`;
