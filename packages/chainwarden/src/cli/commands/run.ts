import { resolve } from 'node:path';
import { runPipeline } from '../../pipeline.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import { renderSbomSummary } from './sbom.js';

export async function runCommand(projectDirArg: string | undefined, flags: { json?: boolean }, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, projectDirArg ?? '.');
  const result = await runPipeline({ projectDir, env: io.env });
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.exitCode;
  }
  const s = style(io.stdout, io.env);
  io.stdout.write(`${s.bold('chainwarden run')} ${result.project}\n\n`);
  for (const stage of result.stages) {
    if (stage.stage === 'sbom' && stage.summary !== undefined) io.stdout.write(renderSbomSummary(stage.summary, io));
    io.stdout.write('\n');
  }
  io.stdout.write(
    `${table(
      result.stages.map((st) => [
        st.status === 'ok' ? s.green('ok') : st.status === 'failed' ? s.red('failed') : s.dim(st.status),
        st.stage,
        st.detail,
        `${st.durationMs} ms`,
      ]),
      '',
    )}\n`,
  );
  for (const stage of result.stages) if (stage.error !== undefined) io.stderr.write(`chainwarden: ${stage.stage}: ${stage.error.message}\n`);
  return result.exitCode;
}
