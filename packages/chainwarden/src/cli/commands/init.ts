import { resolve } from 'node:path';
import { initProject } from '../../init/init.js';
import type { CliIo } from '../io.js';

export async function initCommand(dir: string, flags: { policy?: string; force?: boolean; json?: boolean }, io: CliIo): Promise<number> {
  const result = await initProject(resolve(io.cwd, dir), { ...(flags.policy !== undefined ? { policyDir: flags.policy } : {}), force: flags.force === true });
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const lines = [`chainwarden init ${result.project} (name from ${result.nameFrom})`];
  for (const f of result.written) lines.push(`  wrote  ${f}${result.overwritten.includes(f) ? ' (overwritten)' : ''}`);
  for (const f of result.kept) lines.push(`  kept   ${f} (exists; --force overwrites)`);
  if (result.written.length === 0) lines.push('nothing written');
  lines.push('next: chainwarden policy test && chainwarden run');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
