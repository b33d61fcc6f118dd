/**
 * The command line recorded in provenance: secrets redacted and no absolute path (a path inside the project becomes
 * relative to it; any other absolute path is replaced by a placeholder).
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Redactor } from './redact.js';
import { redactCommand } from './redact.js';

export const OUTSIDE_PATH = '<path outside the project>';

function relativeArg(arg: string, projectDir: string): string {
  if (!isAbsolute(arg)) return arg;
  const rel = relative(projectDir, arg);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return OUTSIDE_PATH;
  return rel.split(sep).join('/');
}

export function recordedCommand(args: readonly string[], projectDir: string, redactor: Redactor): string[] {
  const relativised = args.map((arg) => {
    const eq = /^(--?[^=]+)=(.*)$/.exec(arg);
    return eq !== null ? `${eq[1] as string}=${relativeArg(eq[2] as string, projectDir)}` : relativeArg(arg, projectDir);
  });
  return redactCommand(relativised, redactor);
}
