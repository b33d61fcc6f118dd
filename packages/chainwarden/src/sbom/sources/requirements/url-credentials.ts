/**
 * Index and package URLs in requirements files often carry credentials (`https://user:token@host/simple`,
 * `git+https://token@github.com/...`). They must never reach an SBOM: user info is dropped from every URL
 * chainwarden records, except a bare ssh user name (`ssh://git@host/...`), which is part of the address.
 */
export function withoutCredentials(url: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@]*)@/.exec(url);
  if (m === null) return url;
  const scheme = (m[1] as string).toLowerCase();
  const userInfo = m[2] as string;
  if (scheme.includes('ssh') && !userInfo.includes(':') && !userInfo.includes('$')) return url;
  return `${m[1] as string}${url.slice(m[0].length)}`;
}
