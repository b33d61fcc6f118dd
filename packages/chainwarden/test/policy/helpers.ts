import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initPolicy } from '../../src/policy/init.js';
import { generateSbom } from '../../src/sbom/generate.js';

/** Writes the starter policy into `dir/policy` and returns the directory. */
export async function starterPolicy(dir: string): Promise<string> {
  await initPolicy('policy', dir);
  return dir;
}

/** Writes files (relative path -> content) under dir. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/** Generates the SBOM chainwarden writes for a corpus project into `dir/<name>` and returns that relative name. */
export async function corpusSbom(projectDir: string, dir: string, name: string, format: 'cyclonedx-json' | 'spdx-json' = 'cyclonedx-json'): Promise<string> {
  const result = await generateSbom({ projectDir, format, env: { SOURCE_DATE_EPOCH: '1700000000' } });
  writeFiles(dir, { [name]: result.content });
  return name;
}
