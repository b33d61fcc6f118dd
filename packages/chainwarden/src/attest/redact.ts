/**
 * Keeps secrets out of provenance: values of secret-looking names, values that look like tokens or keys, and
 * passwords inside URLs are replaced by REDACTED. Provenance is published; a leaked token there is a leaked token.
 */

export const REDACTED = '[REDACTED]';

/** Words that make a parameter or variable name secret (matched against the name split into words). */
const SECRET_WORDS = new Set([
  'token', 'secret', 'secrets', 'password', 'passwd', 'pwd', 'passphrase', 'apikey', 'credential', 'credentials',
  'auth', 'authorization', 'cookie', 'session', 'private', 'privatekey', 'signature', 'key', 'pat', 'dsn', 'otp',
]);

/** Shapes of well-known credentials (GitHub, GitLab, AWS, Slack, npm, PyPI, OpenAI, Google, JWTs, PEM keys). */
const SECRET_VALUES: readonly RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{30,}/,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/,
  /\bglpat-[A-Za-z0-9_-]{20,}/,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/,
  /\bnpm_[A-Za-z0-9]{36}\b/,
  /\bpypi-[A-Za-z0-9_-]{50,}/,
  /\bsk-[A-Za-z0-9_-]{20,}/,
  /\bAIza[0-9A-Za-z_-]{35}\b/,
  /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

export interface Redactor {
  /** True when a name (input, variable, flag) marks its value as secret. */
  isSecretName(name: string): boolean;
  /** A value with secrets removed (the whole value, or only the password of a URL). */
  value(text: string): string;
  /** Redacts a value found under `name`. */
  named(name: string, value: string): string;
  /** Deep copy of a JSON value with every secret string redacted (keys are names). */
  json(value: unknown, name?: string): unknown;
}

/** A redactor; `extraNames` are names listed in configuration (matched case-insensitively, whole name). */
export function createRedactor(extraNames: readonly string[] = []): Redactor {
  const extra = new Set(extraNames.map((n) => n.toLowerCase()));
  const isSecretName = (name: string): boolean => {
    if (extra.has(name.toLowerCase())) return true;
    const w = words(name);
    return w.some((word) => SECRET_WORDS.has(word)) || SECRET_WORDS.has(w.join(''));
  };
  const value = (text: string): string => {
    if (SECRET_VALUES.some((re) => re.test(text))) return REDACTED;
    // user:password@ in URLs (git remotes, index URLs): drop the password, keep the rest readable.
    return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^/@\s:]*):([^/@\s]*)@/gi, (_m, scheme: string, user: string) => `${scheme}${user === '' ? '' : `${user}:`}${REDACTED}@`);
  };
  const named = (name: string, text: string): string => (isSecretName(name) && text !== '' ? REDACTED : value(text));
  const json = (input: unknown, name?: string): unknown => {
    if (typeof input === 'string') return name !== undefined ? named(name, input) : value(input);
    if (Array.isArray(input)) return input.map((item) => json(item, name));
    if (typeof input === 'object' && input !== null) {
      return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, isSecretName(k) && v !== null && v !== '' && typeof v !== 'object' ? REDACTED : json(v, k)]));
    }
    return input;
  };
  return { isSecretName, value, named, json };
}

/**
 * Redacts a command line: the value of a secret-looking flag (`--token x`, `--password=x`) and any token-shaped
 * argument. Absolute paths are left to the caller.
 */
export function redactCommand(args: readonly string[], redactor: Redactor): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = /^(--?[^=]+)=(.*)$/.exec(arg);
    if (eq !== null) {
      out.push(`${eq[1] as string}=${redactor.named(eq[1] as string, eq[2] as string)}`);
      continue;
    }
    out.push(redactor.value(arg));
    const next = args[i + 1];
    if (arg.startsWith('-') && redactor.isSecretName(arg) && next !== undefined && !next.startsWith('-')) {
      out.push(REDACTED);
      i++;
    }
  }
  return out;
}
