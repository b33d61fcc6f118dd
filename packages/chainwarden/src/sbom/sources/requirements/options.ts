import { RequirementSyntaxError } from './requirement-syntax-error.js';

/**
 * The options pip accepts inside a requirements file, as data: what each one means to an SBOM. Options that only
 * steer how pip downloads or builds (`--find-links`, `--no-binary`, `--pre`, `--trusted-host`, `--require-hashes`, …)
 * are accepted and ignored; anything else is an error, as it is for pip.
 */

export type OptionRole =
  | 'requirement' // -r: include another requirements file
  | 'constraint' // -c: include a constraints file
  | 'editable' // -e: an editable requirement (local path or VCS URL)
  | 'index-url' // -i: replaces the package index for the whole install
  | 'extra-index-url' // an additional index pip may take any package from
  | 'no-index'
  | 'hash' // per requirement: --hash=alg:hex
  | 'ignored';

interface OptionSpec {
  readonly names: readonly string[];
  readonly role: OptionRole;
  readonly takesValue: boolean;
  /** Allowed after a requirement on the same line (pip's per-requirement options). */
  readonly perRequirement: boolean;
}

const SPECS: readonly OptionSpec[] = [
  { names: ['-r', '--requirement'], role: 'requirement', takesValue: true, perRequirement: false },
  { names: ['-c', '--constraint'], role: 'constraint', takesValue: true, perRequirement: false },
  { names: ['-e', '--editable'], role: 'editable', takesValue: true, perRequirement: false },
  { names: ['-i', '--index-url'], role: 'index-url', takesValue: true, perRequirement: false },
  { names: ['--extra-index-url'], role: 'extra-index-url', takesValue: true, perRequirement: false },
  { names: ['--no-index'], role: 'no-index', takesValue: false, perRequirement: false },
  { names: ['-f', '--find-links'], role: 'ignored', takesValue: true, perRequirement: false },
  { names: ['--no-binary'], role: 'ignored', takesValue: true, perRequirement: false },
  { names: ['--only-binary'], role: 'ignored', takesValue: true, perRequirement: false },
  { names: ['--prefer-binary'], role: 'ignored', takesValue: false, perRequirement: false },
  { names: ['--require-hashes'], role: 'ignored', takesValue: false, perRequirement: false },
  { names: ['--pre'], role: 'ignored', takesValue: false, perRequirement: false },
  { names: ['--trusted-host'], role: 'ignored', takesValue: true, perRequirement: false },
  { names: ['--use-feature'], role: 'ignored', takesValue: true, perRequirement: false },
  { names: ['--hash'], role: 'hash', takesValue: true, perRequirement: true },
  { names: ['--config-settings'], role: 'ignored', takesValue: true, perRequirement: true },
  { names: ['--global-option'], role: 'ignored', takesValue: true, perRequirement: true },
];

const LONG_NAMES = SPECS.flatMap((s) => s.names.filter((n) => n.startsWith('--')));

export interface ParsedOption {
  /** The option's canonical (long) name, for messages. */
  readonly name: string;
  readonly role: OptionRole;
  readonly perRequirement: boolean;
  readonly value?: string;
  /** Offset of the option in the logical line, and of its value. */
  readonly at: number;
  readonly valueAt: number;
}

export interface Word {
  readonly value: string;
  readonly at: number;
}

/** Splits like a POSIX shell (pip uses shlex): whitespace separates words, quotes group, backslash escapes. */
export function splitWords(text: string, base: number): Word[] {
  const words: Word[] = [];
  if (!/["'\\]/.test(text)) {
    // Fast path (the usual case: hash lists of pip-compile output): plain whitespace-separated words.
    for (const m of text.matchAll(/\S+/g)) words.push({ value: m[0], at: base + m.index });
    return words;
  }
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) break;
    const at = base + i;
    let value = '';
    while (i < text.length && !/\s/.test(text[i] as string)) {
      const ch = text[i] as string;
      if (ch === '"' || ch === "'") {
        const close = text.indexOf(ch, i + 1);
        if (close < 0) throw new RequirementSyntaxError('unterminated quote', base + i);
        value += text.slice(i + 1, close);
        i = close + 1;
      } else if (ch === '\\' && i + 1 < text.length) {
        value += text[i + 1] as string;
        i += 2;
      } else {
        value += ch;
        i++;
      }
    }
    words.push({ value, at });
  }
  return words;
}

function findSpec(name: string, at: number): OptionSpec {
  const exact = SPECS.find((s) => s.names.includes(name));
  if (exact !== undefined) return exact;
  if (name.startsWith('--') && name.length > 2) {
    // optparse (which pip uses) accepts any unambiguous prefix of a long option.
    const candidates = LONG_NAMES.filter((n) => n.startsWith(name));
    if (candidates.length === 1) return SPECS.find((s) => s.names.includes(candidates[0] as string)) as OptionSpec;
    if (candidates.length > 1) throw new RequirementSyntaxError(`ambiguous option ${name} (${candidates.join(', ')})`, at);
  }
  throw new RequirementSyntaxError(`unknown option ${name}`, at);
}

/** Parses option words; returns the options and any words that are not options (pip ignores those silently). */
export function parseOptions(words: readonly Word[]): { options: ParsedOption[]; stray: Word[] } {
  const options: ParsedOption[] = [];
  const stray: Word[] = [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as Word;
    if (!word.value.startsWith('-') || word.value === '-') {
      stray.push(word);
      continue;
    }
    let name = word.value;
    let inline: string | undefined;
    if (name.startsWith('--')) {
      const eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
    } else if (name.length > 2) {
      inline = name.slice(2);
      name = name.slice(0, 2);
    }
    const spec = findSpec(name, word.at);
    const canonical = spec.names[spec.names.length - 1] as string;
    if (!spec.takesValue) {
      if (inline !== undefined) throw new RequirementSyntaxError(`option ${canonical} takes no value`, word.at);
      options.push({ name: canonical, role: spec.role, perRequirement: spec.perRequirement, at: word.at, valueAt: word.at });
      continue;
    }
    if (inline !== undefined) {
      options.push({ name: canonical, role: spec.role, perRequirement: spec.perRequirement, value: inline, at: word.at, valueAt: word.at + (word.value.length - inline.length) });
      continue;
    }
    const next = words[k + 1];
    if (next === undefined) throw new RequirementSyntaxError(`option ${canonical} needs a value`, word.at);
    k++;
    options.push({ name: canonical, role: spec.role, perRequirement: spec.perRequirement, value: next.value, at: word.at, valueAt: next.at });
  }
  return { options, stray };
}
