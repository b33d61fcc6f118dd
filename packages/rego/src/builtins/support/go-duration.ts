/** Go's time.ParseDuration. */
import { GoTimeError } from './go-layout.js';

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
