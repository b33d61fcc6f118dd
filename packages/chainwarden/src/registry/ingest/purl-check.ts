/** Package URL syntax (purl-spec): `pkg:type/namespace/name@version?qualifiers#subpath`. Returns the base or a reason. */

const PURL = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/+([^@?#]+)(?:@([^?#]+))?(?:\?([^#]*))?(?:#(.*))?$/u;

export type PurlCheck = { readonly ok: true; readonly base: string } | { readonly ok: false; readonly reason: string };

export function checkPurl(purl: string): PurlCheck {
  const m = PURL.exec(purl);
  if (m === null) return { ok: false, reason: `invalid purl "${purl}" (expected pkg:type/name@version)` };
  const type = (m[1] ?? '').toLowerCase();
  const path = (m[2] ?? '').replace(/\/+$/u, '');
  if (path === '' || path.split('/').some((s) => s === '')) return { ok: false, reason: `invalid purl "${purl}" (empty name)` };
  try {
    // One spelling per package: `@scope` and `%40scope` give the same base.
    const segments = path.split('/').map((segment) => encodeURIComponent(decodeURIComponent(segment)));
    if (m[3] !== undefined) decodeURIComponent(m[3]);
    return { ok: true, base: `pkg:${type}/${segments.join('/')}` };
  } catch {
    return { ok: false, reason: `invalid purl "${purl}" (bad percent-encoding)` };
  }
}
