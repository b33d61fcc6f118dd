import type { Value } from './types.js';

/** A number token of 16+ digits (after `:`, `[` or `,`): only then can an integer exceed 2^53 (a top-level number included). */
const LONG_DIGITS = /(?:^|[:[,])\s*-?\d{16,}/;

/**
 * Parses JSON text into a Value. Integers beyond 2^53 stay exact (as bigint). The fast path is
 * JSON.parse; the exact reader runs only when the text holds a run of 16 or more digits.
 */
export function parseJson(text: string): Value {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text) as Value;
  return new ExactJsonReader(text).read();
}

class ExactJsonReader {
  private i = 0;
  constructor(private readonly s: string) {}
  read(): Value {
    const v = this.value(0);
    this.ws();
    if (this.i < this.s.length) throw this.err('unexpected data after JSON value');
    return v;
  }
  private err(msg: string): SyntaxError {
    return new SyntaxError(`${msg} at position ${this.i}`);
  }
  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }
  private value(depth: number): Value {
    if (depth > 100000) throw this.err('JSON nested too deeply');
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    throw this.err('unexpected character');
  }
  private object(depth: number): Value {
    this.i++;
    const o: Record<string, Value> = {};
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return o;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') throw this.err('expected string key');
      const k = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') throw this.err("expected ':'");
      Object.defineProperty(o, k, { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.ws();
      const d = this.s[this.i++];
      if (d === '}') return o;
      if (d !== ',') throw this.err("expected ',' or '}'");
    }
  }
  private array(depth: number): Value {
    this.i++;
    const a: Value[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return a;
    }
    for (;;) {
      a.push(this.value(depth + 1));
      this.ws();
      const d = this.s[this.i++];
      if (d === ']') return a;
      if (d !== ',') throw this.err("expected ',' or ']'");
    }
  }
  private string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return JSON.parse(this.s.slice(start, this.i)) as string;
      } else this.i++;
    }
    throw this.err('unterminated string');
  }
  private number(): number | bigint {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!m) throw this.err('invalid number');
    this.i += m[0].length;
    return numberFromText(m[0]);
  }
}

/** A number literal's value: exact bigint for integers beyond 2^53, else a double. */
export function numberFromText(text: string): number | bigint {
  if (/^-?\d+$/.test(text) && text.replace('-', '').length >= 16) {
    const b = BigInt(text);
    if (b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(b);
    return b;
  }
  return Number(text);
}
