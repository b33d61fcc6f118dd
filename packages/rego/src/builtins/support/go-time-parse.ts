/** Parsing time values with a Go layout, with Go's error wording. */
import { civilOf, daysFromCivil, instantOf } from './civil.js';
import { DAYS, GoTimeError, MONTHS, NAMED_LAYOUTS, chunks } from './go-layout.js';
import type { Civil } from './civil.js';

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
