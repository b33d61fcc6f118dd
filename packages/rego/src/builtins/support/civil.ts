/** Proleptic Gregorian calendar arithmetic (days since 1970-01-01) and IANA zone offsets via Intl. */
export interface Civil {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nanos: number;
}

const NS_PER_SEC = 1_000_000_000n;
const SEC_PER_DAY = 86400n;

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, m, d];
}

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** Civil fields of an instant shifted by an offset in seconds. */
export function civilOf(ns: bigint, offsetSec: number): Civil {
  const totalSec = floorDiv(ns, NS_PER_SEC) + BigInt(offsetSec);
  const nanos = Number(ns - floorDiv(ns, NS_PER_SEC) * NS_PER_SEC);
  const days = floorDiv(totalSec, SEC_PER_DAY);
  const secOfDay = Number(totalSec - days * SEC_PER_DAY);
  const [year, month, day] = civilFromDays(Number(days));
  return { year, month, day, hour: Math.floor(secOfDay / 3600), minute: Math.floor((secOfDay % 3600) / 60), second: secOfDay % 60, nanos };
}

/** The instant of civil fields (normalising overflowing fields like Go's time.Date) at an offset. */
export function instantOf(c: Civil, offsetSec: number): bigint {
  // normalise month overflow first (Go: Date(2020, 14, ...) is 2021-02)
  const m0 = c.month - 1;
  const year = c.year + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const days = BigInt(daysFromCivil(year, month, 1) + c.day - 1);
  const secs = days * SEC_PER_DAY + BigInt(c.hour * 3600 + c.minute * 60 + c.second) - BigInt(offsetSec);
  return secs * NS_PER_SEC + BigInt(c.nanos);
}

export function weekdayOf(c: Civil): number {
  const d = daysFromCivil(c.year, c.month, c.day);
  return (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
}

export function yearDay(c: Civil): number {
  return daysFromCivil(c.year, c.month, c.day) - daysFromCivil(c.year, 1, 1) + 1;
}

const ZONES = new Map<string, Intl.DateTimeFormat>();

export class UnknownZoneError extends Error {
  constructor(zone: string) {
    super(`unknown time zone ${zone}`);
    this.name = 'UnknownZoneError';
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = ZONES.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
    } catch {
      throw new UnknownZoneError(zone);
    }
    ZONES.set(zone, f);
  }
  return f;
}

/** UTC offset in seconds of an IANA zone at an instant ('' and 'UTC' are UTC; 'Local' is UTC for determinism). */
export function zoneOffset(zone: string, ns: bigint): number {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return 0;
  const ms = Number(floorDiv(ns, 1_000_000n));
  const clamped = Math.max(-8.64e15, Math.min(8.64e15, ms));
  const parts = formatter(zone).formatToParts(new Date(clamped));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const local = daysFromCivil(year, get('month'), get('day')) * 86400 + get('hour') * 3600 + get('minute') * 60 + get('second');
  return local - Math.floor(clamped / 1000);
}

const NAMES = new Map<string, Intl.DateTimeFormat>();

/** The zone's alphabetic abbreviation at an instant when ICU knows one (EST, PDT, UTC), else undefined. */
export function zoneAbbreviation(zone: string, ns: bigint): string | undefined {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return 'UTC';
  let f = NAMES.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    NAMES.set(zone, f);
  }
  const ms = Math.max(-8.64e15, Math.min(8.64e15, Number(floorDiv(ns, 1_000_000n))));
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  return name !== undefined && /^[A-Z]{2,5}$/.test(name) ? name : undefined;
}
