/** URL parsing with Go's net/url rules and error wording (as OPA's uri.parse reports them). */
export class UrlParseError extends Error {
  constructor(url: string, message: string) {
    super(`parse ${JSON.stringify(url)}: ${message}`);
    this.name = 'UrlParseError';
  }
}

export interface ParsedUrl {
  scheme: string;
  hostname: string;
  port: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  fragment: string;
}

const KEEP_DECODED = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;

function unescape(url: string, s: string, host: boolean): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(h)) throw new UrlParseError(url, `invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      const b = parseInt(h, 16);
      if (host && b < 0x80 && h !== '25') throw new UrlParseError(url, `invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      bytes.push(b);
      i += 2;
    } else {
      const ch = String.fromCodePoint(s.codePointAt(i) as number);
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The path as written, with escapes of characters that need none decoded. */
function rawPathOf(p: string): string {
  return p.replace(/%([0-9A-Fa-f]{2})/g, (all, h: string) => {
    const c = String.fromCharCode(parseInt(h, 16));
    return KEEP_DECODED.test(c) ? c : all.toUpperCase();
  });
}

const VALID_USERINFO = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function parseAuthority(url: string, authority: string, out: ParsedUrl): void {
  const at = authority.lastIndexOf('@');
  if (at >= 0 && !VALID_USERINFO.test(authority.slice(0, at))) throw new UrlParseError(url, 'net/url: invalid userinfo');
  const host = at >= 0 ? authority.slice(at + 1) : authority;
  let name = host;
  let port = '';
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end < 0) throw new UrlParseError(url, "missing ']' in host");
    const rest = host.slice(end + 1);
    if (rest !== '' && !/^:\d*$/.test(rest)) throw new UrlParseError(url, `invalid port ${JSON.stringify(rest)} after host`);
    name = host.slice(1, end);
    port = rest.slice(1);
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0) {
      const p = host.slice(colon);
      if (!/^:\d*$/.test(p)) throw new UrlParseError(url, `invalid port ${JSON.stringify(p)} after host`);
      name = host.slice(0, colon);
      port = p.slice(1);
    }
  }
  out.hostname = unescape(url, name, true);
  out.port = port;
}

/** Parses a URL; throws UrlParseError. */
export function parseUrl(url: string): ParsedUrl {
  const out: ParsedUrl = { scheme: '', hostname: '', port: '', path: '', rawPath: '', rawQuery: '', fragment: '' };
  if ([...url].some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f')) throw new UrlParseError(url, 'net/url: invalid control character in URL');
  let rest = url;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    out.fragment = unescape(url, rest.slice(hash + 1), false);
    rest = rest.slice(0, hash);
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (scheme) {
    out.scheme = (scheme[1] as string).toLowerCase();
    rest = rest.slice(scheme[0].length);
  } else if (/^[^/]*:/.test(rest) && rest.indexOf(':') < (rest.indexOf('/') < 0 ? Infinity : rest.indexOf('/'))) {
    throw new UrlParseError(url, 'missing protocol scheme');
  }
  const q = rest.indexOf('?');
  if (q >= 0) {
    out.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (out.scheme !== '' && !rest.startsWith('/')) return out; // opaque (mailto:...)
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    parseAuthority(url, authority, out);
  }
  out.path = unescape(url, rest, false);
  out.rawPath = rawPathOf(rest);
  return out;
}
