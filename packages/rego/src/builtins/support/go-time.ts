/** Go time layouts ("2006-01-02T15:04:05Z07:00"): formatting and parsing of instants in nanoseconds. */
import { civilOf, daysFromCivil, instantOf, weekdayOf, yearDay, zoneOffset } from './civil.js';
import type { Civil } from './civil.js';

export const NAMED_LAYOUTS: Readonly<Record<string, string>> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
  Kitchen: '3:04PM',
  Stamp: 'Jan _2 15:04:05',
  StampMilli: 'Jan _2 15:04:05.000',
  StampMicro: 'Jan _2 15:04:05.000000',
  StampNano: 'Jan _2 15:04:05.000000000',
  DateTime: '2006-01-02 15:04:05',
  DateOnly: '2006-01-02',
  TimeOnly: '15:04:05',
};

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export class GoTimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoTimeError';
  }
}

type Chunk = { lit: string } | { std: string; digits?: number; trim?: boolean };

const PREFIXED: readonly string[] = [
  'January', 'Jan', 'Monday', 'Mon', 'MST', '2006', '002', '01', '02', '03', '04', '05', '06', '15', '__2', '_2', 'PM', 'pm',
  '-07:00:00', '-070000', '-07:00', '-0700', '-07', 'Z07:00:00', 'Z070000', 'Z07:00', 'Z0700', 'Z07', '1', '2', '3', '4', '5',
];

/** Splits a layout into literal text and standard chunks, the way Go's nextStdChunk does. */
export function chunks(layout: string): Chunk[] {
  const out: Chunk[] = [];
  let lit = '';
  let i = 0;
  while (i < layout.length) {
    const c = layout[i] as string;
    if ((c === '.' || c === ',') && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
      const d = layout[i + 1] as string;
      let j = i + 1;
      while (layout[j] === d) j++;
      if (!/[0-9]/.test(layout[j] ?? '')) {
        if (lit) out.push({ lit });
        lit = '';
        out.push({ std: 'frac', digits: j - i - 1, trim: d === '9' });
        i = j;
        continue;
      }
    }
    let hit = PREFIXED.find((p) => layout.startsWith(p, i));
    if (hit === 'Mon' && layout.startsWith('Month', i)) hit = undefined;
    if (hit === '2' && layout.startsWith('2006', i)) hit = '2006';
    if (hit === undefined) {
      lit += c;
      i++;
      continue;
    }
    if (lit) out.push({ lit });
    lit = '';
    out.push({ std: hit });
    i += hit.length;
  }
  if (lit) out.push({ lit });
  return out;
}

const pad = (n: number, w: number): string => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));

function offsetText(off: number, std: string): string {
  if (std.startsWith('Z') && off === 0) return 'Z';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const h = pad(Math.floor(a / 3600), 2);
  const m = pad(Math.floor((a % 3600) / 60), 2);
  const s = pad(a % 60, 2);
  const form = std.replace(/^Z/, '-');
  switch (form) {
    case '-07':
      return sign + h;
    case '-0700':
      return sign + h + m;
    case '-07:00':
      return `${sign}${h}:${m}`;
    case '-070000':
      return sign + h + m + s;
    default:
      return `${sign}${h}:${m}:${s}`;
  }
}

function zoneAbbrev(zone: string, off: number): string {
  if (off === 0 && (zone === '' || zone === 'UTC' || zone === 'Local')) return 'UTC';
  const a = Math.abs(off);
  const m = Math.floor((a % 3600) / 60);
  return (off < 0 ? '-' : '+') + pad(Math.floor(a / 3600), 2) + (m ? pad(m, 2) : '');
}

/** Formats an instant (ns since the epoch) in a zone with a Go layout. */
export function formatTime(ns: bigint, zone: string, layout: string): string {
  const off = zoneOffset(zone, ns);
  const c = civilOf(ns, off);
  let out = '';
  for (const ch of chunks(NAMED_LAYOUTS[layout] ?? layout)) {
    if ('lit' in ch) {
      out += ch.lit;
      continue;
    }
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (ch.std) {
      case 'January':
        out += MONTHS[c.month - 1];
        break;
      case 'Jan':
        out += (MONTHS[c.month - 1] as string).slice(0, 3);
        break;
      case 'Monday':
        out += DAYS[weekdayOf(c)];
        break;
      case 'Mon':
        out += (DAYS[weekdayOf(c)] as string).slice(0, 3);
        break;
      case 'MST':
        out += zoneAbbrev(zone, off);
        break;
      case '2006':
        out += pad(c.year, 4);
        break;
      case '06':
        out += pad(((c.year % 100) + 100) % 100, 2);
        break;
      case '01':
        out += pad(c.month, 2);
        break;
      case '1':
        out += String(c.month);
        break;
      case '02':
        out += pad(c.day, 2);
        break;
      case '_2':
        out += String(c.day).padStart(2, ' ');
        break;
      case '2':
        out += String(c.day);
        break;
      case '002':
        out += pad(yearDay(c), 3);
        break;
      case '__2':
        out += String(yearDay(c)).padStart(3, ' ');
        break;
      case '15':
        out += pad(c.hour, 2);
        break;
      case '03':
        out += pad(h12, 2);
        break;
      case '3':
        out += String(h12);
        break;
      case '04':
        out += pad(c.minute, 2);
        break;
      case '4':
        out += String(c.minute);
        break;
      case '05':
        out += pad(c.second, 2);
        break;
      case '5':
        out += String(c.second);
        break;
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case 'frac': {
        let f = pad(c.nanos, 9).slice(0, ch.digits);
        if (ch.trim) f = f.replace(/0+$/, '');
        if (f !== '') out += '.' + f;
        break;
      }
      default:
        out += offsetText(off, ch.std);
    }
  }
  return out;
}

interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number;
  pm?: boolean;
  offset?: number;
  yday?: number;
}

function parseError(value: string, layout: string, rest: string, elem: string, extra = ''): GoTimeError {
  return new GoTimeError(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(elem)}${extra}`);
}

/** Parses a value with a Go layout; returns ns since the epoch (bigint, unchecked range). */
export function parseTime(layoutName: string, value: string): bigint {
  const layout = NAMED_LAYOUTS[layoutName] ?? layoutName;
  const p: Parsed = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanos: 0 };
  let rest = value;
  const cs = chunks(layout);
  const num = (min: number, max: number, elem: string): number => {
    const m = new RegExp(`^\\d{${min},${max}}`).exec(rest);
    if (!m) throw parseError(value, layout, rest, elem);
    rest = rest.slice(m[0].length);
    return Number(m[0]);
  };
  const name = (list: readonly string[], len: number | undefined, elem: string): number => {
    const i = list.findIndex((n) => {
      const s = len ? n.slice(0, len) : n;
      return rest.slice(0, s.length).toLowerCase() === s.toLowerCase();
    });
    if (i < 0) throw parseError(value, layout, rest, elem);
    rest = rest.slice(len ?? (list[i] as string).length);
    return i;
  };
  cs.forEach((ch, idx) => {
    if ('lit' in ch) {
      if (!rest.startsWith(ch.lit)) throw parseError(value, layout, rest, ch.lit);
      rest = rest.slice(ch.lit.length);
      return;
    }
    const s = ch.std;
    switch (s) {
      case '2006':
        p.year = num(4, 4, s);
        break;
      case '06': {
        const y = num(2, 2, s);
        p.year = y >= 69 ? 1900 + y : 2000 + y;
        break;
      }
      case 'January':
        p.month = name(MONTHS, undefined, s) + 1;
        break;
      case 'Jan':
        p.month = name(MONTHS, 3, s) + 1;
        break;
      case 'Monday':
        name(DAYS, undefined, s);
        break;
      case 'Mon':
        name(DAYS, 3, s);
        break;
      case '01':
        p.month = num(2, 2, s);
        break;
      case '1':
        p.month = num(1, 2, s);
        break;
      case '02':
        p.day = num(2, 2, s);
        break;
      case '_2':
        if (rest.startsWith(' ')) rest = rest.slice(1);
        p.day = num(1, 2, s);
        break;
      case '2':
        p.day = num(1, 2, s);
        break;
      case '002':
        p.yday = num(3, 3, s);
        break;
      case '__2':
        rest = rest.replace(/^ {0,2}/, '');
        p.yday = num(1, 3, s);
        break;
      case '15':
        p.hour = num(2, 2, s);
        break;
      case '03':
        p.hour = num(2, 2, s);
        break;
      case '3':
        p.hour = num(1, 2, s);
        break;
      case '04':
        p.minute = num(2, 2, s);
        break;
      case '4':
        p.minute = num(1, 2, s);
        break;
      case '05':
      case '5': {
        p.second = num(s === '05' ? 2 : 1, 2, s);
        const next = cs[idx + 1];
        const m = /^[.,](\d+)/.exec(rest);
        if (m && !(next && 'std' in next && next.std === 'frac')) {
          p.nanos = Number(m[1]?.slice(0, 9).padEnd(9, '0'));
          rest = rest.slice(m[0].length);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        const ap = rest.slice(0, 2).toUpperCase();
        if (ap !== 'AM' && ap !== 'PM') throw parseError(value, layout, rest, s);
        p.pm = ap === 'PM';
        rest = rest.slice(2);
        break;
      }
      case 'MST': {
        const m = /^(UTC|GMT([+-]\d{1,2})?|[A-Z]{3,5}|[+-]\d{2,4})/.exec(rest);
        if (!m) throw parseError(value, layout, rest, s);
        rest = rest.slice(m[0].length);
        p.offset = p.offset ?? 0;
        break;
      }
      case 'frac': {
        const m = /^[.,](\d*)/.exec(rest);
        if (!m || (!ch.trim && m[1]?.length !== ch.digits)) {
          if (ch.trim && !m) break;
          throw parseError(value, layout, rest, layout.slice(0));
        }
        p.nanos = Number((m[1] ?? '').slice(0, 9).padEnd(9, '0'));
        rest = rest.slice(m[0].length);
        break;
      }
      default: {
        if (s.startsWith('Z') && rest.startsWith('Z')) {
          rest = rest.slice(1);
          p.offset = 0;
          break;
        }
        const m = /^([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?/.exec(rest);
        if (!m) throw parseError(value, layout, rest, s);
        rest = rest.slice(m[0].length);
        const off = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
        p.offset = m[1] === '-' ? -off : off;
      }
    }
  });
  if (rest !== '') throw new GoTimeError(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(rest)}`);
  if (p.pm !== undefined) {
    if (p.hour > 12) throw new GoTimeError(`parsing time ${JSON.stringify(value)}: hour out of range`);
    if (p.pm && p.hour < 12) p.hour += 12;
    else if (!p.pm && p.hour === 12) p.hour = 0;
  }
  if (p.yday !== undefined) {
    const d = daysFromCivil(p.year, 1, 1) + p.yday - 1;
    const c = civilOf(BigInt(d) * 86_400_000_000_000n, 0);
    p.month = c.month;
    p.day = c.day;
  }
  validate(p, value);
  const civil: Civil = { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second, nanos: p.nanos };
  return instantOf(civil, p.offset ?? 0);
}

function validate(p: Parsed, value: string): void {
  const bad = (what: string): GoTimeError => new GoTimeError(`parsing time ${JSON.stringify(value)}: ${what} out of range`);
  if (p.month < 1 || p.month > 12) throw bad('month');
  const dim = daysFromCivil(p.month === 12 ? p.year + 1 : p.year, p.month === 12 ? 1 : p.month + 1, 1) - daysFromCivil(p.year, p.month, 1);
  if (p.day < 1 || p.day > dim) throw bad('day');
  if (p.hour > 23) throw bad('hour');
  if (p.minute > 59) throw bad('minute');
  if (p.second > 59) throw bad('second');
}

const UNITS: Readonly<Record<string, bigint>> = { ns: 1n, us: 1000n, µs: 1000n, μs: 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

/** Go's time.ParseDuration, in nanoseconds. */
export function parseDuration(s: string): bigint {
  const err = (): GoTimeError => new GoTimeError(`time: invalid duration ${JSON.stringify(s)}`);
  let rest = s;
  let neg = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    neg = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') throw err();
  let total = 0;
  let exact = 0n;
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?([^\d.]+)/.exec(rest);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) throw err();
    const unit = UNITS[m[3] as string];
    if (unit === undefined) throw new GoTimeError(`time: unknown unit ${JSON.stringify(m[3])} in duration ${JSON.stringify(s)}`);
    exact += BigInt(m[1] || '0') * unit;
    if (m[2]) total += Number(`0.${m[2]}`) * Number(unit);
    rest = rest.slice(m[0].length);
  }
  const v = exact + BigInt(Math.floor(total));
  return neg ? -v : v;
}
