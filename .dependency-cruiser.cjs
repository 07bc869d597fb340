// The dependency rule of ARCHITECTURE.md, made executable: stages depend on core only and
// never on each other; the pipeline composes them; the CLI and the service sit on top.
const stages = ['sources', 'generation', 'validation', 'optimisation', 'emit', 'triage'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make stage boundaries meaningless.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-a-leaf',
      severity: 'error',
      comment: 'core/ holds the contracts every stage shares; it imports no other folder of src/.',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    ...stages.map((stage) => ({
      name: `${stage}-depends-on-core-only`,
      severity: 'error',
      comment: `A stage never imports another stage; pipeline/ composes them (${stage}).`,
      from: { path: `^src/${stage}/` },
      to: { path: `^src/(?!core/|${stage}/)` },
    })),
    {
      name: 'llm-on-core-only',
      comment: 'llm/ adapts model providers to the port in core/ (model-client.ts); it imports only core/.',
      severity: 'error',
      from: { path: '^src/llm/' },
      to: { path: '^src/(?!core/|llm/)' },
    },
    {
      name: 'stages-never-import-llm',
      severity: 'error',
      comment:
        'A stage that gains model help receives the ModelClient port from the pipeline; it never imports llm/.',
      from: { path: `^src/(${stages.join('|')})/` },
      to: { path: '^src/llm/' },
    },
    {
      name: 'integrations-on-core-and-the-guard',
      severity: 'error',
      comment:
        "integrations/ are clients of vendor APIs (GitLab, GitHub, Jira, Allure TestOps) that the pipeline uses; they import core/ and the SSRF guard only (base URLs are the user's).",
      from: { path: '^src/integrations/' },
      to: { path: '^src/(?!core/|integrations/|sources/(url-guard|guarded-fetch)\\.ts$)' },
    },
    {
      name: 'stages-never-import-integrations',
      severity: 'error',
      comment: "Stages produce suites and reports; exporting them is the pipeline's business.",
      from: { path: `^src/(${stages.join('|')}|llm)/` },
      to: { path: '^src/integrations/' },
    },
    {
      name: 'pipeline-not-above-cli',
      severity: 'error',
      comment: 'The pipeline knows nothing of its consumers (CLI, server, workers, crews).',
      from: { path: '^src/pipeline/' },
      to: { path: '^src/(cli|service|crews)/' },
    },
    {
      name: 'crews-on-pipeline',
      severity: 'error',
      comment:
        'crews/ runs agents whose tools are pipeline capabilities: it sits beside the CLI and the service, on the pipeline, and knows neither.',
      from: { path: '^src/crews/' },
      to: { path: '^src/(?!core/|pipeline/|crews/)' },
    },
    {
      name: 'service-on-pipeline',
      severity: 'error',
      comment:
        'The service runs the engine only through the pipeline (as the CLI does) and crews, never a stage directly; it may use the model layer (readiness, caches).',
      from: { path: '^src/service/' },
      to: { path: '^src/(?!core/|pipeline/|crews/|service/|llm/)' },
    },
    {
      name: 'service-not-above-cli',
      severity: 'error',
      comment: 'The CLI starts the service; the service never imports the CLI.',
      from: { path: '^src/service/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-loads-the-engine-on-use',
      severity: 'error',
      comment:
        'Commands import the pipeline, the crews, the service, the model layer and the integrations when they run: `testops serve` must not hold every generator, the TypeScript compiler, Playwright or the AI SDK in memory.',
      from: { path: '^src/cli/' },
      to: {
        path: '^src/(pipeline|crews|service|llm|integrations)/',
        pathNot: '^src/(pipeline/option-values|service/config)\\.ts$',
        dynamic: false,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'examples-are-standalone',
      severity: 'error',
      comment: 'Demo targets stand in for real systems under test; they never use the engine.',
      from: { path: '^examples/' },
      to: { path: '^src/' },
    },
    {
      name: 'deploy-is-not-the-product',
      severity: 'error',
      comment:
        "deploy/src renders the Kubernetes manifests from the service's settings; the product never imports it.",
      from: { path: '^(src|examples|bin)/' },
      to: { path: '^deploy/' },
    },
    {
      name: 'deploy-reads-the-service-only',
      severity: 'error',
      comment: "The manifests follow the service's configuration and constants, not the engine.",
      from: { path: '^deploy/' },
      to: { path: '^src/(?!service/|core/)' },
    },
    {
      name: 'web-ui-over-http-only',
      severity: 'error',
      comment:
        'The web UI talks to the service only through its HTTP contract (types generated from /openapi.json).',
      from: { path: '^web/' },
      to: { path: '^(src|examples|bin|deploy|test|bench)/' },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment: 'Runtime code may not depend on devDependencies.',
      from: { path: '^(src|examples|bin)/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
