import { resolve } from 'node:path';
import { loadConfig } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { generateTechdocs } from '../../docs/techdocs/generate.js';
import type { CliIo } from '../io.js';

export async function docsTechdocsCommand(flags: { out?: string; projectDir: string; store?: string; json?: boolean }, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, flags.projectDir);
  const { config } = await loadConfig(projectDir);
  const out = flags.out ?? config.docs?.techdocs?.out;
  if (out === undefined) throw new UsageError('docs techdocs: --out <dir> is required (or docs.techdocs.out in chainwarden.yaml)');
  const databaseUrl = config.registry?.['database-url'];
  const result = await generateTechdocs({
    projectDir,
    env: io.env,
    out,
    ...(flags.store !== undefined ? { storeDir: flags.store } : {}),
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    ...(config.registry?.product !== undefined ? { product: config.registry.product } : {}),
  });
  if (flags.json === true) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(`wrote ${result.files.length} files to ${result.out}/:\n${result.files.map((f) => `  ${f}`).join('\n')}\n`);
  return 0;
}
