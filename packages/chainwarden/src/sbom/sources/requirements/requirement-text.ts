import type { Hash } from '../../model.js';
import { distributionNameVersion, fileNameOf, isArchiveName } from './dist-filename.js';
import { fragmentHash } from './hashes.js';
import type { Pep508Requirement } from './pep508.js';
import { isValidName, parsePep508 } from './pep508.js';
import type { EntryLink, RequirementFields } from './requirement-entry.js';
import { RequirementSyntaxError } from './requirement-syntax-error.js';

/**
 * One requirement as pip reads it: a PEP 508 specifier (`name[extra]>=1 ; marker`, `name @ url`), or one of pip's own
 * forms — a URL (`https://…/x.whl`, `git+https://…#egg=name`) or a local path (`./pkg`, `dist/x.whl`) — and for
 * `-e` a local path or VCS URL. Offsets in errors are relative to `text`.
 */


const NAMED_URL = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*(?:\[[^\]]*\]\s*)?@/;
const SCHEME_URL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const VCS = /^(git|hg|svn|bzr)\+/i;

function looksLikeUrl(text: string): boolean {
  return SCHEME_URL.test(text) || VCS.test(text) || /^file:/i.test(text);
}

function looksLikePath(text: string): boolean {
  const head = text.split(/[\s;]/)[0] ?? '';
  return /^[./~]/.test(head) || head.includes('/') || head.includes('\\') || isArchiveName(head.endsWith(']') && head.includes('[') ? head.slice(0, head.lastIndexOf('[')) : head);
}

export function parseRequirementText(text: string, editable: boolean): RequirementFields {
  if (!editable && NAMED_URL.test(text)) return fromPep508(parsePep508(text), text);
  if (editable || looksLikeUrl(text) || looksLikePath(text)) return fromLink(text, editable);
  return fromPep508(parsePep508(text), text);
}

function fromPep508(req: Pep508Requirement, text: string): RequirementFields {
  const base = { name: req.name, extras: req.extras, specifier: req.specifier, ...(req.marker !== undefined ? { markers: req.marker } : {}) };
  if (req.url === undefined) return { ...base, hashes: [] };
  const link = linkOf(req.url, false, Math.max(0, text.indexOf(req.url)), req.name);
  return { ...base, link: link.link, hashes: link.hashes, ...(link.linkVersion !== undefined ? { linkVersion: link.linkVersion } : {}) };
}

/** pip's own URL and path forms; markers follow `; ` (URLs) or `;` (paths). */
function fromLink(text: string, editable: boolean): RequirementFields {
  const isUrl = looksLikeUrl(text);
  const sep = isUrl ? text.search(/\s;|;\s/) : text.indexOf(';');
  let location = (sep >= 0 ? text.slice(0, sep) : text).trim();
  let markers: string | undefined;
  if (sep >= 0) {
    if (editable) throw new RequirementSyntaxError('environment markers are not allowed on editable requirements', sep);
    const at = text.indexOf(';', sep);
    markers = markerOf(text, at);
  }
  // Extras written after a path: `./pkg[extra]`.
  let extras: string[] = [];
  const open = location.endsWith(']') ? location.lastIndexOf('[') : -1;
  if (!isUrl && open >= 0) {
    extras = splitExtras(location.slice(open + 1, -1), open + 1);
    location = location.slice(0, open);
  }
  if (/\s/.test(location)) throw new RequirementSyntaxError('unexpected space in a URL or path requirement', location.search(/\s/));
  if (!isUrl && /[[\]]/.test(location)) throw new RequirementSyntaxError('unbalanced "[" or "]" in a path requirement', location.search(/[[\]]/));
  const link = linkOf(location, editable, 0);
  const fields = link.name !== undefined ? { name: link.name } : {};
  return { ...link, ...fields, extras: link.extras.length > 0 ? link.extras : extras, specifier: [], ...(markers !== undefined ? { markers } : {}) };
}

function markerOf(text: string, semicolon: number): string {
  // Validate through the PEP 508 parser with a placeholder name, keeping offsets aligned.
  const placeholder = 'x'.repeat(Math.max(1, semicolon));
  const req = parsePep508(placeholder + text.slice(semicolon));
  return req.marker ?? '';
}

function splitExtras(inner: string, at: number): string[] {
  if (inner.trim() === '') return [];
  const out: string[] = [];
  let offset = at;
  for (const part of inner.split(',')) {
    const extra = part.trim();
    if (!isValidName(extra)) throw new RequirementSyntaxError(`invalid extra name ${JSON.stringify(extra)}`, offset);
    out.push(extra);
    offset += part.length + 1;
  }
  return out;
}

interface LinkFields {
  readonly name?: string;
  readonly extras: string[];
  readonly link: EntryLink;
  readonly linkVersion?: string;
  readonly hashes: Hash[];
}

/** Reads a URL or path: fragment parameters (`egg`, hashes), VCS ref, and name/version from a distribution file name. */
function linkOf(location: string, editable: boolean, at: number, knownName?: string): LinkFields {
  const hashIndex = location.indexOf('#');
  const fragment = hashIndex >= 0 ? location.slice(hashIndex + 1) : '';
  const bare = hashIndex >= 0 ? location.slice(0, hashIndex) : location;
  let name: string | undefined;
  let extras: string[] = [];
  const hashes: Hash[] = [];
  for (const param of fragment.split('&')) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const key = param.slice(0, eq);
    const value = param.slice(eq + 1);
    if (key === 'egg') {
      const m = /^([^[\]]+)(?:\[([^\]]*)\])?$/.exec(value);
      if (m === null || !isValidName(m[1] as string)) throw new RequirementSyntaxError(`invalid #egg= name ${JSON.stringify(value)}`, at + hashIndex + 1);
      name = m[1];
      extras = m[2] !== undefined ? splitExtras(m[2], at + hashIndex + 1) : [];
    } else {
      const hash = fragmentHash(key, value);
      if (hash !== undefined) hashes.push(hash);
    }
  }
  const vcs = VCS.exec(bare);
  if (vcs !== null) {
    const kind = (vcs[1] as string).toLowerCase();
    if (kind !== 'git') return { ...(name !== undefined ? { name } : {}), extras, link: { kind: 'vcs', url: location }, hashes };
    return { ...(name !== undefined ? { name } : {}), extras, link: gitLink(bare.slice(4)), hashes };
  }
  const path = /^file:/i.test(bare) ? filePath(bare) : SCHEME_URL.test(bare) ? undefined : bare;
  if (editable && path === undefined) {
    throw new RequirementSyntaxError('an editable requirement must be a local path or a VCS URL (git+https://…)', at);
  }
  const fileName = fileNameOf(bare);
  const dist = isArchiveName(fileName) ? distributionNameVersion(fileName, name ?? knownName) : undefined;
  const resolvedName = name ?? dist?.name;
  const common = { ...(resolvedName !== undefined ? { name: resolvedName } : {}), extras, hashes, ...(dist !== undefined ? { linkVersion: dist.version } : {}) };
  if (path !== undefined) return { ...common, link: { kind: 'path', path, editable, archive: isArchiveName(fileName) } };
  return { ...common, link: { kind: 'url', url: location } };
}

/** `https://host/org/repo.git@v1.2` → repo `https://host/org/repo.git`, ref `v1.2` (the `@` of user info is not a ref). */
function gitLink(url: string): EntryLink {
  const schemeEnd = url.indexOf('://');
  const pathStart = schemeEnd >= 0 ? url.indexOf('/', schemeEnd + 3) : 0;
  const at = url.lastIndexOf('@');
  if (pathStart >= 0 && at > pathStart) return { kind: 'git', repo: url.slice(0, at), ref: url.slice(at + 1) };
  return { kind: 'git', repo: url };
}

/** `file:///abs/x`, `file://localhost/abs/x` → `/abs/x`; `file:rel/x` → `rel/x`. */
function filePath(url: string): string {
  let rest = url.replace(/^file:/i, '');
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    const slash = rest.indexOf('/');
    rest = slash >= 0 ? rest.slice(slash) : '/';
  }
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
