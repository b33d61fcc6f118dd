/**
 * `chainwarden docs techdocs`: the run's evidence as a Backstage TechDocs site, i.e. an mkdocs.yml (site name, nav,
 * the techdocs-core plugin) and Markdown pages under docs/. Deterministic: the same inputs give the same bytes
 * (no durations, no generation time).
 */
import { join, posix } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { TechdocsInputs } from './inputs.js';
import { PAGES } from './pages/index.js';

export interface TechdocsResult {
  /** The output directory, as given (relative to the project). */
  readonly out: string;
  /** The files written, relative to the project (POSIX), sorted. */
  readonly files: readonly string[];
  readonly pages: readonly { readonly file: string; readonly title: string }[];
}

export async function renderMkdocs(siteName: string): Promise<string> {
  const { stringify } = await import('yaml');
  return stringify({ site_name: siteName, docs_dir: 'docs', nav: PAGES.map((p) => ({ [p.title]: p.file })), plugins: ['techdocs-core'] }, { lineWidth: 0 });
}

export async function writeTechdocs(projectDir: string, out: string, inputs: TechdocsInputs): Promise<TechdocsResult> {
  const base = posix.normalize(out.replace(/\\/gu, '/')).replace(/\/+$/u, '');
  const files: string[] = [];
  const write = async (rel: string, content: string): Promise<void> => {
    await writeFileAtomic(join(projectDir, base, rel), content);
    files.push(base === '.' ? rel : `${base}/${rel}`);
  };
  for (const page of PAGES) await write(`docs/${page.file}`, page.render(inputs));
  await write('mkdocs.yml', await renderMkdocs(`${inputs.report.project}: supply chain`));
  return { out: base, files: files.sort(), pages: PAGES.map((p) => ({ file: `docs/${p.file}`, title: p.title })) };
}
