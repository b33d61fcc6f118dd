import { renderExport } from '../markdown.js';
import type { TechdocsPage } from './page.js';

export const riskPage: TechdocsPage = {
  file: 'risk.md',
  title: 'Risk register',
  render(inputs) {
    const body = inputs.risk.length === 0 ? 'Not generated yet (`chainwarden risk` writes it; `chainwarden run` updates it).' : inputs.risk.map(renderExport).join('\n\n');
    return `# Risk register\n\n${body}\n`;
  },
};
