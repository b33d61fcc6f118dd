/**
 * A subset of Go's fmt verbs over the operands OPA's sprintf passes to Go: integers (int64 or big.Int),
 * floats (float64) and strings (every other value arrives as its Rego text).
 */
export type FmtArg = { readonly t: 'int'; readonly v: bigint } | { readonly t: 'big'; readonly v: bigint } | { readonly t: 'float'; readonly v: number } | { readonly t: 'string'; readonly v: string };

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  zero: boolean;
  space: boolean;
  width?: number;
  prec?: number;
}

const goTypeName = (a: FmtArg): string => (a.t === 'int' ? 'int' : a.t === 'big' ? '*big.Int' : a.t === 'float' ? 'float64' : 'string');

function argText(a: FmtArg): string {
  if (a.t === 'float') return formatFloat(a.v, 'g', undefined, false);
  return String(a.v);
}

/** Formats like Go's fmt.Sprintf. */
export function goSprintf(format: string, args: readonly FmtArg[]): string {
  let out = '';
  let argi = 0;
  const chars = [...format];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, sharp: false, zero: false, space: false };
    for (; i < chars.length; i++) {
      const f = chars[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === '#') spec.sharp = true;
      else if (f === '0') spec.zero = true;
      else if (f === ' ') spec.space = true;
      else break;
    }
    const num = (): number | undefined => {
      if (chars[i] === '*') {
        i++;
        const a = args[argi++];
        return a && (a.t === 'int' || a.t === 'big') ? Number(a.v) : undefined;
      }
      let s = '';
      while (i < chars.length && /[0-9]/.test(chars[i] as string)) s += chars[i++];
      return s === '' ? undefined : Number(s);
    };
    spec.width = num();
    if (chars[i] === '.') {
      i++;
      spec.prec = num() ?? 0;
    }
    const verb = chars[i++];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    const arg = args[argi++];
    if (arg === undefined) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(verb, spec, arg);
  }
  if (argi < args.length) out += '%!(EXTRA ' + args.slice(argi).map((a) => `${goTypeName(a)}=${argText(a)}`).join(', ') + ')';
  return out;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  const len = [...s].length;
  if (len >= w) return s;
  if (spec.minus) return s + ' '.repeat(w - len);
  if (spec.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s.slice(0, 1) : '';
    return sign + '0'.repeat(w - len) + s.slice(sign.length);
  }
  return ' '.repeat(w - len) + s;
}

function bad(verb: string, arg: FmtArg): string {
  return `%!${verb}(${goTypeName(arg)}=${argText(arg)})`;
}

function formatOne(verb: string, spec: Spec, arg: FmtArg): string {
  switch (arg.t) {
    case 'int':
    case 'big':
      return formatInt(verb, spec, arg);
    case 'float':
      return formatFloatVerb(verb, spec, arg);
    default:
      return formatString(verb, spec, arg.v, arg);
  }
}

function signed(neg: boolean, digits: string, spec: Spec): string {
  return (neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '') + digits;
}

function formatInt(verb: string, spec: Spec, arg: FmtArg & { v: bigint }): string {
  const v = arg.v;
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let digits: string;
  switch (verb) {
    case 'v':
    case 'd':
      digits = abs.toString(10);
      break;
    case 's':
      if (arg.t === 'int') return bad(verb, arg);
      digits = abs.toString(10);
      break;
    case 'b':
      digits = abs.toString(2);
      break;
    case 'o':
      digits = (spec.sharp ? '0' : '') + abs.toString(8);
      break;
    case 'O':
      digits = '0o' + abs.toString(8);
      break;
    case 'x':
      digits = (spec.sharp ? '0x' : '') + abs.toString(16);
      break;
    case 'X':
      digits = (spec.sharp ? '0X' : '') + abs.toString(16).toUpperCase();
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(v)), spec, false);
    case 'q':
      return pad(`'${String.fromCodePoint(Number(v))}'`, spec, false);
    case 'U':
      return pad('U+' + abs.toString(16).toUpperCase().padStart(4, '0'), spec, false);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      if (arg.t === 'big') return formatFloatVerb(verb, spec, { t: 'float', v: Number(v) });
      return bad(verb, arg);
    default:
      return bad(verb, arg);
  }
  if (spec.prec !== undefined) digits = digits.padStart(spec.prec, '0');
  return pad(signed(neg, digits, spec), spec, spec.prec === undefined);
}

/** A float in Go's %e/%f/%g forms. */
export function formatFloat(v: number, verb: 'e' | 'f' | 'g', prec: number | undefined, sharp: boolean): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(v);
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  if (verb === 'f') return sign + abs.toFixed(prec ?? 6);
  if (verb === 'e') return sign + goExp(abs.toExponential(prec ?? 6));
  // %g: shortest representation unless a precision is given
  let exp: number;
  let text: string;
  if (prec === undefined) {
    text = abs.toExponential();
    exp = Number(text.slice(text.indexOf('e') + 1));
    const eprec = 6;
    if (exp < -4 || exp >= eprec) return sign + goExp(text);
    return sign + (abs === 0 ? '0' : plainDecimal(abs));
  }
  const p = prec === 0 ? 1 : prec;
  text = abs.toExponential(p - 1);
  exp = Number(text.slice(text.indexOf('e') + 1));
  if (exp < -4 || exp >= p) {
    const parts = text.split('e') as [string, string];
    let m = parts[0];
    const e = parts[1];
    if (!sharp && m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
    return sign + goExp(`${m}e${e}`);
  }
  let f = abs.toFixed(Math.max(0, p - 1 - exp));
  if (!sharp && f.includes('.')) f = f.replace(/0+$/, '').replace(/\.$/, '');
  return sign + f;
}

function plainDecimal(abs: number): string {
  const s = String(abs);
  if (!s.includes('e')) return s;
  // JS switches to exponent form below 1e-6; Go's %v switches below 1e-4 (handled by the caller)
  const [m, e] = s.split('e') as [string, string];
  const exp = Number(e);
  const digits = m.replace('.', '');
  return '0.' + '0'.repeat(-exp - 1) + digits;
}

/** Go writes at least two exponent digits: 1e+06. */
function goExp(s: string): string {
  return s.replace(/e([+-])(\d+)$/, (_, sg: string, d: string) => `e${sg}${d.padStart(2, '0')}`);
}

function formatFloatVerb(verb: string, spec: Spec, arg: FmtArg & { t: 'float' }): string {
  let body: string;
  switch (verb) {
    case 'v':
    case 'g':
    case 'G':
      body = formatFloat(arg.v, 'g', spec.prec, spec.sharp);
      if (verb === 'G') body = body.toUpperCase();
      break;
    case 'e':
    case 'E':
      body = formatFloat(arg.v, 'e', spec.prec, spec.sharp);
      if (verb === 'E') body = body.toUpperCase();
      break;
    case 'f':
    case 'F':
      body = formatFloat(arg.v, 'f', spec.prec, spec.sharp);
      break;
    default:
      return bad(verb, arg);
  }
  if (!body.startsWith('-') && (spec.plus || spec.space)) body = (spec.plus ? '+' : ' ') + body;
  return pad(body, spec, Number.isFinite(arg.v));
}

function formatString(verb: string, spec: Spec, s: string, arg: FmtArg): string {
  let str = s;
  if (spec.prec !== undefined && (verb === 's' || verb === 'v' || verb === 'q')) str = [...str].slice(0, spec.prec).join('');
  switch (verb) {
    case 's':
    case 'v':
      return pad(str, spec, false);
    case 'q':
      return pad(spec.sharp && !str.includes('`') ? '`' + str + '`' : JSON.stringify(str), spec, false);
    case 'x':
    case 'X': {
      let hex = Buffer.from(str, 'utf8').toString('hex');
      if (verb === 'X') hex = hex.toUpperCase();
      return pad(hex, spec, false);
    }
    default:
      return bad(verb, arg);
  }
}
