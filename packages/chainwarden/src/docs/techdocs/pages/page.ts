import type { TechdocsInputs } from '../inputs.js';

/** One TechDocs page: its file under docs/, its title in the nav, and its Markdown. */
export interface TechdocsPage {
  readonly file: string;
  readonly title: string;
  render(inputs: TechdocsInputs): string;
}

/** A stage's summary from the run report, or undefined when the stage did not run (or produced none). */
export function stageSummary<T>(inputs: TechdocsInputs, stage: string): T | undefined {
  return inputs.report.stages.find((s) => s.stage === stage)?.summary as T | undefined;
}

export function stageDetail(inputs: TechdocsInputs, stage: string): string {
  const s = inputs.report.stages.find((x) => x.stage === stage);
  return s === undefined ? 'did not run' : `${s.status}: ${s.detail}`;
}
