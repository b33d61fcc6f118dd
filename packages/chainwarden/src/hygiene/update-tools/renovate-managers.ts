/** What chainwarden knows of Renovate's managers for the lockfile formats it reads. Data, not code. */
export interface RenovateManager {
  readonly name: string;
  /** Renovate's default managerFilePatterns, as regular expressions over the package file path. */
  readonly defaultFilePatterns: readonly RegExp[];
  readonly category: string;
  readonly datasource: string;
}

const PYPROJECT = /(^|\/)pyproject\.toml$/;

export const RENOVATE_MANAGERS: Readonly<Record<string, RenovateManager>> = {
  pep621: { name: 'pep621', defaultFilePatterns: [PYPROJECT], category: 'python', datasource: 'pypi' },
  poetry: { name: 'poetry', defaultFilePatterns: [PYPROJECT], category: 'python', datasource: 'pypi' },
  pipenv: { name: 'pipenv', defaultFilePatterns: [/(^|\/)Pipfile$/], category: 'python', datasource: 'pypi' },
  pip_requirements: { name: 'pip_requirements', defaultFilePatterns: [/(^|\/)[\w-]*requirements([-.]\w+)?\.(txt|pip)$/], category: 'python', datasource: 'pypi' },
  npm: { name: 'npm', defaultFilePatterns: [/(^|\/)package\.json$/], category: 'js', datasource: 'npm' },
};

/** The Renovate manager that reads a lockfile format's manifest. */
export const RENOVATE_MANAGER_OF_FORMAT: Readonly<Record<string, string>> = {
  uv: 'pep621',
  pdm: 'pep621',
  poetry: 'poetry',
  pipenv: 'pipenv',
  requirements: 'pip_requirements',
  npm: 'npm',
  pnpm: 'npm',
  yarn: 'npm',
};

/** ignorePaths that Renovate's presets add (`:ignoreModulesAndTests`, which config:recommended extends). */
const MODULES_AND_TESTS = ['**/node_modules/**', '**/bower_components/**', '**/vendor/**', '**/examples/**', '**/__tests__/**', '**/test/**', '**/tests/**', '**/__fixtures__/**'];

/** Presets whose effect on coverage is known offline. Anything else is reported as not resolved. */
export const RENOVATE_PRESETS: Readonly<Record<string, { readonly ignorePaths?: readonly string[]; readonly enabled?: boolean }>> = {
  'config:recommended': { ignorePaths: MODULES_AND_TESTS },
  'config:base': { ignorePaths: MODULES_AND_TESTS },
  'config:best-practices': { ignorePaths: MODULES_AND_TESTS },
  ':ignoreModulesAndTests': { ignorePaths: MODULES_AND_TESTS },
  ':disableRenovate': { enabled: false },
  ':enableRenovate': { enabled: true },
};

/** Renovate's own default ignorePaths. */
export const RENOVATE_DEFAULT_IGNORE_PATHS: readonly string[] = ['**/node_modules/**', '**/bower_components/**'];

/** Presets that only change how updates look (commits, schedules, grouping, labels): no effect on coverage. */
export const COSMETIC_PRESET = /^(:|config:|group:|schedule:|helpers:|docker:|workarounds:|replacements:|monorepo:|npm:|security:|default:)/;
