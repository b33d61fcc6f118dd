/** Number arithmetic over number | bigint, exact for integers. */
export type Num = number | bigint;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = BigInt(Number.MIN_SAFE_INTEGER);

/** A bigint as a Num: a number when it is within the safe range. */
export function normBig(b: bigint): Num {
  return b <= MAX && b >= MIN ? Number(b) : b;
}

export function isIntegral(n: Num): boolean {
  return typeof n === 'bigint' || Number.isInteger(n);
}

function big(n: Num): bigint {
  return typeof n === 'bigint' ? n : BigInt(n);
}

function bothIntegral(a: Num, b: Num): boolean {
  return isIntegral(a) && isIntegral(b);
}

export function add(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  if (bothIntegral(a, b)) return normBig(big(a) + big(b));
  return Number(a) + Number(b);
}

export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  if (bothIntegral(a, b)) return normBig(big(a) - big(b));
  return Number(a) - Number(b);
}

export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  if (bothIntegral(a, b)) return normBig(big(a) * big(b));
  return Number(a) * Number(b);
}

/** Division; integral results of integral operands stay exact. Caller checks for zero. */
export function div(a: Num, b: Num): Num {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    if (bothIntegral(a, b) && big(a) % big(b) === 0n) return normBig(big(a) / big(b));
    return Number(a) / Number(b);
  }
  return roundFloat(a / b);
}

export function rem(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') return a % b === 0 ? 0 : a % b;
  return normBig(big(a) % big(b));
}

/** Drop float noise the way OPA's decimal arithmetic would not produce it (0.1+0.2 stays as JS gives). */
function roundFloat(x: number): number {
  return x;
}

export function toNumberValue(n: Num): number {
  return Number(n);
}
