/** Writes the run report: dist/supply-chain-report.{md,json} under the project, and the job summary on GitHub Actions. */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { IoError } from '../../core/errors.js';
import { renderRunReport } from './markdown.js';
import type { RunReport } from './run-report.js';

/** GitHub Actions' job summary file: Markdown appended to it is shown on the run's page. */
export const JOB_SUMMARY_ENV = 'GITHUB_STEP_SUMMARY';

export async function writeRunReport(projectDir: string, report: RunReport, env: NodeJS.ProcessEnv): Promise<RunReport> {
  const summaryFile = env[JOB_SUMMARY_ENV];
  const final: RunReport = { ...report, reports: { ...report.reports, jobSummary: summaryFile !== undefined && summaryFile !== '' } };
  const markdown = renderRunReport(final);
  await writeFileAtomic(join(projectDir, final.reports.markdown), markdown);
  await writeFileAtomic(join(projectDir, final.reports.json), `${JSON.stringify(final, null, 2)}\n`);
  if (final.reports.jobSummary && summaryFile !== undefined) {
    try {
      await appendFile(summaryFile, `${markdown}\n`);
    } catch (error) {
      throw new IoError(`${JOB_SUMMARY_ENV} (${summaryFile}): cannot append the job summary (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
    }
  }
  return final;
}
