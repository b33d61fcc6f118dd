import { isPep440Prefix, isPep440Version } from '../../../advisories/versions/pypi.js';
import { validateMarker } from './markers.js';
import { RequirementSyntaxError } from './requirement-syntax-error.js';

/**
 * PEP 508 dependency specifiers: `name[extra1,extra2] (>=1.0,<2) ; marker` and `name[extra] @ url ; marker`.
 * Throws RequirementSyntaxError with the offset of the problem inside `text`.
 */

export interface VersionClause {
  readonly op: string;
  readonly version: string;
}

export interface Pep508Requirement {
  readonly name: string;
  readonly extras: readonly string[];
  readonly specifier: readonly VersionClause[];
  readonly url?: string;
  readonly marker?: string;
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;
const OPERATORS = ['===', '==', '!=', '<=', '>=', '~=', '<', '>'];
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function isValidName(text: string): boolean {
  const m = NAME.exec(text);
  return m !== null && m[0] === text;
}

/** The version a specifier pins exactly (`==1.2.3` or `===foo`), or undefined for ranges, wildcards and no specifier. */
export function pinnedVersion(specifier: readonly VersionClause[]): string | undefined {
  if (specifier.length !== 1) return undefined;
  const only = specifier[0] as VersionClause;
  if (only.op === '===' || (only.op === '==' && !only.version.endsWith('.*'))) return only.version;
  return undefined;
}

export function formatSpecifier(specifier: readonly VersionClause[]): string {
  return specifier.map((c) => `${c.op}${c.version}`).join(',');
}

export function parsePep508(text: string): Pep508Requirement {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  ws();
  const nameMatch = NAME.exec(text.slice(i));
  if (nameMatch === null) throw new RequirementSyntaxError('expected a package name', i);
  const name = nameMatch[0];
  i += name.length;
  ws();
  const extras: string[] = [];
  if (text[i] === '[') {
    const close = text.indexOf(']', i);
    if (close < 0) throw new RequirementSyntaxError('missing "]" after extras', i);
    let at = i + 1;
    const inner = text.slice(i + 1, close);
    if (inner.trim() !== '') {
      for (const part of inner.split(',')) {
        const extra = part.trim();
        if (!isValidName(extra)) throw new RequirementSyntaxError(`invalid extra name ${JSON.stringify(extra)}`, at + (part.length - part.trimStart().length));
        extras.push(extra);
        at += part.length + 1;
      }
    }
    i = close + 1;
    ws();
  }
  let url: string | undefined;
  const specifier: VersionClause[] = [];
  if (text[i] === '@') {
    i++;
    ws();
    const start = i;
    while (i < text.length && !/\s/.test(text[i] as string)) i++;
    url = text.slice(start, i);
    if (url === '' || !URL_SCHEME.test(url)) throw new RequirementSyntaxError('expected a URL after "@"', start);
    ws();
  } else if (text[i] === '(') {
    i++;
    i = readClauses(text, i, specifier);
    ws();
    if (text[i] !== ')') throw new RequirementSyntaxError('expected ")" after the version specifier', i);
    i++;
    ws();
  } else if (i < text.length && '<>=!~'.includes(text[i] as string)) {
    i = readClauses(text, i, specifier);
    ws();
  }
  let marker: string | undefined;
  if (text[i] === ';') {
    const body = text.slice(i + 1);
    validateMarker(body, i + 1);
    marker = body.trim();
    i = text.length;
  }
  if (i < text.length) throw new RequirementSyntaxError(`unexpected ${JSON.stringify(text[i])}`, i);
  return { name, extras, specifier, ...(url !== undefined ? { url } : {}), ...(marker !== undefined ? { marker } : {}) };
}

/** Reads `op version (, op version)*` from `i`; returns the offset after the last clause. */
function readClauses(text: string, from: number, out: VersionClause[]): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new RequirementSyntaxError('expected a version operator (==, >=, <, ~=, …)', i);
    i += op.length;
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    const start = i;
    while (i < text.length && !/[\s,;)]/.test(text[i] as string)) i++;
    const version = text.slice(start, i);
    if (version === '') throw new RequirementSyntaxError(`expected a version after "${op}"`, start);
    if (!versionAllowed(op, version)) throw new RequirementSyntaxError(`invalid version ${JSON.stringify(version)} after "${op}"`, start);
    out.push({ op, version });
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (text[i] !== ',') return i;
    i++;
  }
}

function versionAllowed(op: string, version: string): boolean {
  if (op === '===') return true;
  if (op === '==' || op === '!=') return isPep440Version(version) || isPep440Prefix(version);
  return isPep440Version(version);
}
