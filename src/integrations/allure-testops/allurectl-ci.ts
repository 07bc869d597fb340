/**
 * CI snippets that upload a run's `allure-results` to Allure TestOps with allurectl, the
 * vendor's supported path for results. They name the endpoint and project; the token is the CI
 * variable `ALLURE_TOKEN`, which the user sets in the CI's masked variables, never a value.
 */
export interface AllurectlOptions {
  endpoint: string;
  projectId: number;
  /** The command that runs the tests and writes `allure-results/`. */
  testCommand: string;
  launchName: string;
}

/** allurectl's release binary for Linux x86-64, as the vendor's CI guides download it. */
const ALLURECTL_URL =
  'https://github.com/allure-framework/allurectl/releases/latest/download/allurectl_linux_amd64';

export function allurectlGitlabJob(options: AllurectlOptions): string {
  return [
    '# Runs the tests and uploads allure-results to Allure TestOps with allurectl.',
    '# Set ALLURE_TOKEN (an Allure TestOps API token) as a masked CI/CD variable.',
    'allure-testops:',
    '  stage: test',
    '  variables:',
    `    ALLURE_ENDPOINT: ${yamlString(options.endpoint)}`,
    `    ALLURE_PROJECT_ID: "${options.projectId}"`,
    '    ALLURE_RESULTS: allure-results',
    `    ALLURE_LAUNCH_NAME: ${yamlString(`${options.launchName} $CI_PIPELINE_ID`)}`,
    '  script:',
    `    - curl -fsSL -o allurectl ${ALLURECTL_URL} && chmod +x allurectl`,
    `    - ./allurectl watch -- ${options.testCommand}`,
    '  artifacts:',
    '    when: always',
    '    paths: [allure-results/]',
    '',
  ].join('\n');
}

export function allurectlGithubSteps(options: AllurectlOptions): string {
  return [
    '# Steps of a GitHub Actions job: run the tests and upload allure-results with allurectl.',
    '# Add ALLURE_TOKEN (an Allure TestOps API token) as a repository secret.',
    '- name: Install allurectl',
    `  run: curl -fsSL -o allurectl ${ALLURECTL_URL} && chmod +x allurectl`,
    '- name: Run the tests and upload to Allure TestOps',
    `  run: ./allurectl watch -- ${options.testCommand}`,
    '  env:',
    `    ALLURE_ENDPOINT: ${yamlString(options.endpoint)}`,
    `    ALLURE_PROJECT_ID: "${options.projectId}"`,
    '    ALLURE_RESULTS: allure-results',
    `    ALLURE_LAUNCH_NAME: ${yamlString(`${options.launchName} \${{ github.run_number }}`)}`,
    '    ALLURE_TOKEN: ${{ secrets.ALLURE_TOKEN }}',
    '',
  ].join('\n');
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}
