/** The project's name for `chainwarden init`: from its manifest (pyproject.toml, package.json, Cargo.toml, go.mod), else the folder. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface DetectedName {
  readonly name: string;
  /** The file it came from, or `directory`. */
  readonly from: string;
}

type NameReader = (text: string) => string | undefined;

/** `[section]` table's `name = "..."` in a TOML file (enough for a name; the SBOM stage parses manifests fully). */
function tomlName(section: string): NameReader {
  return (text) => {
    let inSection = false;
    for (const line of text.split(/\r?\n/u)) {
      const header = /^\s*\[([^\]]+)\]\s*(#.*)?$/u.exec(line);
      if (header !== null) inSection = header[1]?.trim() === section;
      else if (inSection) {
        const m = /^\s*name\s*=\s*["']([^"']+)["']/u.exec(line);
        if (m !== null) return m[1];
      }
    }
    return undefined;
  };
}

/** One reader per manifest, asked in order. */
const MANIFESTS: readonly (readonly [string, NameReader])[] = [
  ['pyproject.toml', (t) => tomlName('project')(t) ?? tomlName('tool.poetry')(t)],
  ['package.json', (t) => {
    try {
      const name = (JSON.parse(t) as { name?: unknown }).name;
      return typeof name === 'string' ? name : undefined;
    } catch {
      return undefined;
    }
  }],
  ['Cargo.toml', tomlName('package')],
  ['go.mod', (t) => /^module\s+(\S+)/mu.exec(t)?.[1]?.split('/').pop()],
];

/** A name safe in a file name: `@acme/web-ui` → `acme-web-ui`. */
export function fileSafe(name: string): string {
  return name.replace(/^@/u, '').replace(/[^A-Za-z0-9._-]+/gu, '-').replace(/^-+|-+$/gu, '') || 'project';
}

export function detectProjectName(projectDir: string): DetectedName {
  for (const [file, read] of MANIFESTS) {
    const path = join(projectDir, file);
    if (!existsSync(path)) continue;
    const name = read(readFileSync(path, 'utf8'))?.trim();
    if (name !== undefined && name !== '') return { name, from: file };
  }
  return { name: basename(projectDir), from: 'directory' };
}
