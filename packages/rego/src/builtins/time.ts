/** The time builtin family: nanosecond instants (bigint beyond 2^53), Go layouts, IANA zones. */
import { isArray, kindOf } from '../value/kinds.js';
import { normBig } from '../value/num.js';
import { fail } from './registry.js';
import { civilOf, instantOf, weekdayOf, zoneOffset } from './support/civil.js';
import { parseDuration } from './support/go-duration.js';
import { DAYS } from './support/go-layout.js';
import { formatTime } from './support/go-time-format.js';
import { parseTime } from './support/go-time-parse.js';
import { operandError } from './support/operands.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function inRange(name: string, ns: bigint): number | bigint {
  if (ns > INT64_MAX || ns < INT64_MIN) throw fail(name, 'time outside of valid range');
  return normBig(ns);
}

/** A timestamp operand as int64 nanoseconds. */
function nsOf(name: string, v: Value): bigint {
  let b: bigint;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number' && Number.isFinite(v)) b = BigInt(Math.trunc(v));
  else throw fail(name, 'timestamp too big');
  if (b > INT64_MAX || b < INT64_MIN) throw fail(name, 'timestamp too big');
  return b;
}

/** `ns` or `[ns, tz]` (and `[ns, tz, layout]` for time.format). */
function instantArg(name: string, v: Value, maxLen: number): { ns: bigint; zone: string; layout?: string } {
  if (typeof v === 'number' || typeof v === 'bigint') return { ns: nsOf(name, v), zone: 'UTC' };
  if (isArray(v) && v.length >= 2 && v.length <= maxLen) {
    const [ns, zone, layout] = v;
    if (kindOf(ns as Value) !== 'number') throw operandError(name, 1, `expected number value for first element of array but got ${kindOf(ns as Value)}`);
    if (typeof zone !== 'string') throw operandError(name, 1, `timezone value must be a string but got ${kindOf(zone as Value)}`);
    if (layout !== undefined && typeof layout !== 'string') throw operandError(name, 1, `layout value must be a string but got ${kindOf(layout)}`);
    return { ns: nsOf(name, ns as Value), zone, layout };
  }
  throw operandError(name, 1, `must be one of {number, array} but got ${kindOf(v)}`);
}

function zoned<T>(name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && (e.name === 'UnknownZoneError' || e.name === 'GoTimeError')) throw fail(name, e.message, e);
    throw e;
  }
}

function civilArg(name: string, v: Value): ReturnType<typeof civilOf> {
  const { ns, zone } = instantArg(name, v, 2);
  return zoned(name, () => civilOf(ns, zoneOffset(zone, ns)));
}

function diff(a: ReturnType<typeof civilOf>, b: ReturnType<typeof civilOf>): number[] {
  let year = b.year - a.year;
  let month = b.month - a.month;
  let day = b.day - a.day;
  let hour = b.hour - a.hour;
  let min = b.minute - a.minute;
  let sec = b.second - a.second;
  if (sec < 0) {
    sec += 60;
    min--;
  }
  if (min < 0) {
    min += 60;
    hour--;
  }
  if (hour < 0) {
    hour += 24;
    day--;
  }
  if (day < 0) {
    const overflow = civilOf(instantOf({ year: a.year, month: a.month, day: 32, hour: 0, minute: 0, second: 0, nanos: 0 }, 0), 0);
    day += 32 - overflow.day;
    month--;
  }
  if (month < 0) {
    month += 12;
    year--;
  }
  return [year, month, day, hour, min, sec];
}

export const TIME_BUILTINS: readonly BuiltinDecl[] = [
  {
    // OPA's test helper; evaluation is hermetic, so it only validates the duration
    name: 'test.sleep',
    args: ['string'],
    impl: ([d]) => {
      zoned('test.sleep', () => parseDuration(d as string));
      return null;
    },
  },
  { name: 'time.now_ns', args: [], nondeterministic: true, impl: (_args, ctx) => normBig(ctx.nowNs) },
  {
    name: 'time.parse_ns',
    args: ['string', 'string'],
    impl: ([layout, value]) => inRange('time.parse_ns', zoned('time.parse_ns', () => parseTime(layout as string, value as string))),
  },
  {
    name: 'time.parse_rfc3339_ns',
    args: ['string'],
    impl: ([value]) => inRange('time.parse_rfc3339_ns', zoned('time.parse_rfc3339_ns', () => parseTime('RFC3339', value as string))),
  },
  {
    name: 'time.parse_duration_ns',
    args: ['string'],
    impl: ([s]) => normBig(zoned('time.parse_duration_ns', () => parseDuration(s as string))),
  },
  {
    name: 'time.format',
    args: [['number', 'array']],
    impl: ([v]) => {
      const { ns, zone, layout } = instantArg('time.format', v as Value, 3);
      return zoned('time.format', () => formatTime(ns, zone, layout ?? 'RFC3339Nano'));
    },
  },
  {
    name: 'time.date',
    args: [['number', 'array']],
    impl: ([v]) => {
      const c = civilArg('time.date', v as Value);
      return [c.year, c.month, c.day];
    },
  },
  {
    name: 'time.clock',
    args: [['number', 'array']],
    impl: ([v]) => {
      const c = civilArg('time.clock', v as Value);
      return [c.hour, c.minute, c.second];
    },
  },
  {
    name: 'time.weekday',
    args: [['number', 'array']],
    impl: ([v]) => DAYS[weekdayOf(civilArg('time.weekday', v as Value))],
  },
  {
    name: 'time.add_date',
    args: ['number', 'number', 'number', 'number'],
    impl: ([ns, y, m, d]) => {
      const c = civilOf(nsOf('time.add_date', ns as Value), 0);
      const shifted = { ...c, year: c.year + Math.trunc(Number(y)), month: c.month + Math.trunc(Number(m)), day: c.day + Math.trunc(Number(d)) };
      return inRange('time.add_date', instantOf(shifted, 0));
    },
  },
  {
    name: 'time.diff',
    args: [
      ['number', 'array'],
      ['number', 'array'],
    ],
    impl: ([a, b]) => {
      const x = instantArg('time.diff', a as Value, 2).ns;
      const y = instantArg('time.diff', b as Value, 2).ns;
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      return diff(civilOf(lo, 0), civilOf(hi, 0));
    },
  },
];
