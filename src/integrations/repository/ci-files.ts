// The CI job that runs an exported suite and publishes its JUnit and Allure results, for
// GitLab CI and GitHub Actions. Credentials stay CI variables: nothing secret is written here.
import { stringify } from 'yaml';
import type { ExportFile } from './export-files.ts';
import type { SuiteSummary } from './suite-summary.ts';

/** The first line of every CI file we write: a re-export may replace a file that starts with it. */
export const CI_MARKER = '# Written by TestOps Copilot (testops export).';
export const GITLAB_CI_FILE = '.gitlab-ci.yml';
/** Beside a `.gitlab-ci.yml` that is not ours: the project includes it itself. */
export const GITLAB_CI_INCLUDE_FILE = 'testops.gitlab-ci.yml';

const PYTHON_IMAGE = 'python:3.12-slim';

interface RunSteps {
  image: string;
  install: string;
  test: string;
}

function runSteps(summary: SuiteSummary): RunSteps | undefined {
  switch (summary.runner) {
    case 'playwright':
      return {
        image: `mcr.microsoft.com/playwright:v${summary.playwrightVersion ?? 'latest'}-noble`,
        install: 'npm install --no-audit --no-fund',
        test: 'npx playwright test',
      };
    case 'pytest':
      return {
        image: PYTHON_IMAGE,
        install: 'pip install -r requirements.txt',
        test: 'pytest --alluredir=allure-results',
      };
    case 'none':
      return undefined;
  }
}

const within = (directory: string, path: string) => (directory === '' ? path : `${directory}/${path}`);

/** A `.gitlab-ci.yml` with one job for the suite; undefined for a case set nothing runs. */
export function gitlabCiFile(summary: SuiteSummary, directory: string, path: string): ExportFile | undefined {
  const steps = runSteps(summary);
  if (!steps) return undefined;
  const job = {
    stage: 'test',
    image: steps.image,
    ...(summary.baseUrl ? { variables: { API_BASE_URL: summary.baseUrl } } : {}),
    script: [...(directory === '' ? [] : [`cd "${directory}"`]), steps.install, steps.test],
    artifacts: {
      when: 'always',
      paths: [within(directory, 'allure-results/'), within(directory, 'results/')],
      reports: { junit: within(directory, 'results/junit.xml') },
    },
  };
  const header = [
    CI_MARKER,
    `# Runs the suite in ${directory || 'the repository root'}; JUnit goes to the merge request, Allure results are kept as artifacts.`,
    '# Set API_TOKEN, API_HEADERS and the variables of .env.example as masked CI/CD variables.',
  ];
  return { path, content: Buffer.from(`${header.join('\n')}\n${stringify({ 'testops-suite': job })}`) };
}

/** A GitHub Actions workflow for the suite; undefined for a case set nothing runs. */
export function githubWorkflowFile(summary: SuiteSummary, directory: string): ExportFile | undefined {
  const steps = runSteps(summary);
  if (!steps) return undefined;
  const name =
    directory === ''
      ? 'suite'
      : directory
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase();
  const paths = [within(directory, '**')];
  const setup =
    summary.runner === 'pytest'
      ? [{ uses: 'actions/setup-python@v5', with: { 'python-version': '3.12' } }]
      : [];
  const workflow = {
    name: `TestOps suite (${directory || 'root'})`,
    on: { push: { paths }, pull_request: { paths }, workflow_dispatch: {} },
    jobs: {
      tests: {
        'runs-on': 'ubuntu-latest',
        ...(summary.runner === 'playwright' ? { container: steps.image } : {}),
        defaults: { run: { 'working-directory': directory || '.' } },
        env: {
          API_BASE_URL: `\${{ vars.API_BASE_URL || '${summary.baseUrl ?? ''}' }}`,
          API_TOKEN: '${{ secrets.API_TOKEN }}',
          API_HEADERS: '${{ secrets.API_HEADERS }}',
        },
        steps: [
          { uses: 'actions/checkout@v4' },
          ...setup,
          { run: steps.install },
          { run: steps.test },
          upload('junit', within(directory, 'results/junit.xml')),
          upload('allure-results', within(directory, 'allure-results/')),
        ],
      },
    },
  };
  const header = [
    CI_MARKER,
    '# Set API_TOKEN and API_HEADERS as repository secrets, API_BASE_URL as a variable.',
  ];
  return {
    path: `.github/workflows/testops-${name}.yml`,
    content: Buffer.from(`${header.join('\n')}\n${stringify(workflow)}`),
  };
}

function upload(name: string, path: string) {
  return {
    uses: 'actions/upload-artifact@v4',
    if: 'always()',
    with: { name, path, 'if-no-files-found': 'ignore' },
  };
}
