import { z } from 'zod';
import type { RunReport } from '../core/run-report.ts';
import {
  defineTool,
  guardOf,
  headersArg,
  listArg,
  pathArg,
  reportedPath,
  sourceArg,
  variablesArg,
  type CrewTool,
  type ToolEnvironment,
} from './crew-tool.ts';

// The engine's capabilities as crew tools. Arguments are snake_case so a crew's inputs
// (`--input spec=… --input base_url=…`) and earlier outputs (`suite_dir`) feed them by name.
// Each loads its pipeline module when it runs: a crew that only reads a spec never loads
// the TypeScript compiler or Playwright.

/** A flag given as a boolean, or as the text `true`/`false` (CLI inputs are text). */
const booleanArg = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** A web app to explore: its start URL and how many pages at most. */
const siteArgs = z.object({ url: z.url(), max_pages: z.coerce.number().int().min(1).max(50).default(10) });

/** The explorer's options for a site: private hosts only where the guard allows (the CLI trusts its user). */
function siteOptions(env: ToolEnvironment, args: z.output<typeof siteArgs>) {
  return {
    url: args.url,
    maxPages: args.max_pages,
    allowPrivate: guardOf(env, args.url)?.allowPrivate ?? env.guardFor === undefined,
  };
}

const readApi = defineTool({
  name: 'read_api',
  description: 'Reads an OpenAPI spec (path or URL): its operations, servers and unusable operations.',
  parameters: z.object({ spec: z.string().min(1) }),
  async run(args, env) {
    const { describeApi } = await import('../pipeline/describe-api.ts');
    const model = await describeApi(sourceArg(env, args.spec, 'spec'), { guard: guardOf(env, args.spec) });
    return {
      spec: args.spec,
      title: model.title,
      servers: model.servers,
      operations: model.operations.map((operation) => operation.key),
      issues: model.issues.map((issue) => `${issue.operation}: ${issue.message}`),
    };
  },
});

const exploreWeb = defineTool({
  name: 'explore_ui',
  description: 'Explores a web app in a browser from a URL: pages, controls, forms; writes the site model.',
  parameters: siteArgs,
  async run(args, env, outDir) {
    const { exploreUi } = await import('../pipeline/generate-ui.ts');
    const explored = await exploreUi({
      outDir,
      ...siteOptions(env, args),
      events: env.events,
    });
    return {
      model_dir: reportedPath(env, outDir),
      pages: explored.model.pages.length,
      issues: explored.model.issues.length,
    };
  },
});

const generateApiTests = defineTool({
  name: 'generate_api',
  description:
    'Generates an API test suite from an OpenAPI spec and (with base_url) runs it against the API to keep only verified tests.',
  parameters: z.object({
    spec: z.string().min(1),
    base_url: z.url().optional(),
    headers: headersArg,
    variables: variablesArg,
    only: listArg,
    format: z.enum(['playwright-ts', 'pytest']).default('playwright-ts'),
    repeat: z.coerce.number().int().min(1).max(5).default(1),
    /** Probe the target first and repair values it refuses (on by default; see learnValues). */
    learn: booleanArg.default(true),
  }),
  async run(args, env, outDir) {
    const { generateApi } = await import('../pipeline/generate-api.ts');
    const report = await generateApi({
      spec: sourceArg(env, args.spec, 'spec'),
      outDir,
      format: args.format,
      ...(args.base_url ? { baseUrl: args.base_url, run: true, repeat: args.repeat, learn: args.learn } : {}),
      ...(args.headers ? { headers: args.headers } : {}),
      ...(args.variables ? { variables: args.variables } : {}),
      ...(args.only ? { only: args.only } : {}),
      guard: guardOf(env, args.spec),
      targetGuard: guardOf(env, args.base_url),
      events: env.events,
      signal: env.signal,
    });
    return { suite_dir: reportedPath(env, outDir), ...runSummary(report) };
  },
});

const generateUiTests = defineTool({
  name: 'generate_ui',
  description: 'Explores a web app and generates a Playwright UI suite, run and verified against it.',
  parameters: siteArgs,
  async run(args, env, outDir) {
    const { generateUi } = await import('../pipeline/generate-ui.ts');
    const report = await generateUi({
      outDir,
      ...siteOptions(env, args),
      run: true,
      repeat: 1,
      events: env.events,
      signal: env.signal,
      targetGuard: guardOf(env, args.url),
    });
    return { suite_dir: reportedPath(env, outDir), ...runSummary(report) };
  },
});

const generateManualCases = defineTool({
  name: 'generate_cases',
  description:
    'Designs manual test cases (Allure TestOps as code) from written requirements or an OpenAPI spec.',
  parameters: z.union([z.object({ requirements: z.string().min(1) }), z.object({ spec: z.string().min(1) })]),
  async run(args, env, outDir) {
    const source =
      'requirements' in args
        ? { kind: 'requirements' as const, path: pathArg(env, args.requirements, 'requirements') }
        : {
            kind: 'openapi' as const,
            spec: sourceArg(env, args.spec, 'spec'),
            guard: guardOf(env, args.spec),
          };
    const { generateCases } = await import('../pipeline/generate-cases.ts');
    const result = await generateCases({
      source,
      format: 'allure-python',
      outDir,
      llm: 'off',
      events: env.events,
    });
    return {
      cases_dir: reportedPath(env, outDir),
      cases: result.set.cases.length,
      files: result.files.length,
    };
  },
});

const runTests = defineTool({
  name: 'run_suite',
  description: 'Runs a suite written by generate_api/generate_ui against its target and verifies every test.',
  parameters: z.object({
    suite_dir: z.string().min(1),
    base_url: z.url().optional(),
    headers: headersArg,
    variables: variablesArg,
    repeat: z.coerce.number().int().min(1).max(5).default(1),
  }),
  async run(args, env) {
    const { runSuite } = await import('../pipeline/run-suite.ts');
    const report = await runSuite({
      suiteDir: pathArg(env, args.suite_dir, 'suite_dir'),
      repeat: args.repeat,
      ...(args.base_url ? { baseUrl: args.base_url } : {}),
      ...(args.headers ? { headers: args.headers } : {}),
      ...(args.variables ? { variables: args.variables } : {}),
      guard: guardOf(env, args.base_url),
      events: env.events,
      signal: env.signal,
    });
    return { suite_dir: args.suite_dir, ...runSummary(report) };
  },
});

const checkStandards = defineTool({
  name: 'check_tests',
  description: 'Checks test files against the standards (naming, steps, assertions); findings by severity.',
  parameters: z.object({ suite_dir: z.string().min(1) }),
  async run(args, env, outDir) {
    const { checkTests } = await import('../pipeline/check-tests.ts');
    const report = await checkTests({
      paths: [pathArg(env, args.suite_dir, 'suite_dir')],
      outDir,
      events: env.events,
    });
    return { report_dir: reportedPath(env, outDir), ...report.summary };
  },
});

const optimize = defineTool({
  name: 'optimize_tests',
  description: 'Finds duplicate, outdated and conflicting tests and coverage gaps in a test folder.',
  parameters: z.object({ suite_dir: z.string().min(1), spec: z.string().min(1).optional() }),
  async run(args, env, outDir) {
    const { optimizeTests } = await import('../pipeline/optimize-tests.ts');
    const report = await optimizeTests({
      testsDir: pathArg(env, args.suite_dir, 'suite_dir'),
      ...(args.spec ? { spec: sourceArg(env, args.spec, 'spec'), guard: guardOf(env, args.spec) } : {}),
      outDir,
      events: env.events,
    });
    return { report_dir: reportedPath(env, outDir), ...report.summary };
  },
});

const plan = defineTool({
  name: 'generate_plan',
  description: 'Writes a prioritised test plan from a spec or requirements, weighing an existing suite.',
  parameters: z
    .object({
      spec: z.string().min(1).optional(),
      requirements: z.string().min(1).optional(),
      suite_dir: z.string().min(1).optional(),
    })
    .refine((args) => Boolean(args.spec) !== Boolean(args.requirements), 'exactly one of spec, requirements'),
  async run(args, env, outDir) {
    const { generatePlan } = await import('../pipeline/generate-plan.ts');
    const generated = await generatePlan({
      ...(args.spec ? { spec: sourceArg(env, args.spec, 'spec'), guard: guardOf(env, args.spec) } : {}),
      ...(args.requirements ? { requirements: pathArg(env, args.requirements, 'requirements') } : {}),
      ...(args.suite_dir ? { tests: pathArg(env, args.suite_dir, 'suite_dir') } : {}),
      format: 'markdown',
      outDir,
      events: env.events,
    });
    return {
      plan_file: reportedPath(env, generated.file),
      features: generated.plan.features.length,
      cases: generated.plan.prioritisation.cases.length,
      effort_hours: generated.plan.schedule.totalHours,
    };
  },
});

function runSummary(report: RunReport): Record<string, unknown> {
  return {
    executed: report.executed,
    operations: { total: report.operations.total, covered: report.operations.covered },
    tests: report.tests,
    findings: report.findings.length,
    suspected_defects: report.suspectedDefects.length,
    flaky: report.flaky.length,
  };
}

/** Every tool a behaviour may name, by name. */
export const ENGINE_TOOLS: ReadonlyMap<string, CrewTool> = new Map(
  [
    readApi,
    exploreWeb,
    generateApiTests,
    generateUiTests,
    generateManualCases,
    runTests,
    checkStandards,
    optimize,
    plan,
  ].map((tool) => [tool.name, tool]),
);
