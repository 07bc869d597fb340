import type { ApiTestsBody, TestCasesBody, TestPlanBody } from '../../api/api-types.ts';

export type SourceKind = 'openapi' | 'page' | 'requirements';

/** What the generate form holds; `submissions` turns it into the service's request bodies. */
export interface GenerateForm {
  source: SourceKind;
  /** OpenAPI given as text (an uploaded file or a bundled demo's document) or by URL. */
  specText: string;
  specUrl: string;
  pageUrl: string;
  requirements: string;
  baseUrl: string;
  /** One "METHOD /path" or operationId per line; every operation when empty. */
  operations: string;
  apiFormat: 'playwright-ts' | 'pytest';
  caseFormat: 'allure-python' | 'markdown' | 'csv' | 'json';
  /** Page sources: automated Playwright UI tests, manual cases, or both. */
  pageOutput: 'automated' | 'manual' | 'both';
  plan: boolean;
  run: boolean;
  repeat: number;
  allowWrites: boolean;
  /** One "Name: value" per line; kept by the service encrypted, masked everywhere. */
  headers: string;
  /** One name=value per line: values the generator cannot discover. */
  variables: string;
  /** One name=value per line, secret: encrypted and masked like headers. */
  secretVariables: string;
  model: boolean;
  maxPages: number;
}

export const EMPTY_FORM: GenerateForm = {
  source: 'openapi',
  specText: '',
  specUrl: '',
  pageUrl: '',
  requirements: '',
  baseUrl: '',
  operations: '',
  apiFormat: 'playwright-ts',
  caseFormat: 'allure-python',
  pageOutput: 'automated',
  plan: false,
  run: true,
  repeat: 3,
  allowWrites: false,
  headers: '',
  variables: '',
  secretVariables: '',
  model: true,
  maxPages: 8,
};

export type Submission =
  | { path: '/api/v1/generate/api-tests'; body: ApiTestsBody }
  | { path: '/api/v1/generate/test-cases'; body: TestCasesBody }
  | { path: '/api/v1/test-plan/generate'; body: TestPlanBody };

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function pairs(text: string): Record<string, string> {
  return Object.fromEntries(
    lines(text).map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
}

/** Requirements separated by blank lines: each paragraph (or Markdown section) is one item. */
export function requirementItems(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function specSource(form: GenerateForm): Pick<ApiTestsBody, 'openapi_spec' | 'openapi_url'> {
  return form.specText ? { openapi_spec: form.specText } : { openapi_url: form.specUrl.trim() };
}

/** The requests one press of "Generate" sends: the main job, and the plan when asked for. */
export function submissions(form: GenerateForm, projectId: string): Submission[] {
  const llm = form.model ? 'auto' : 'off';
  const plan = (source: Partial<TestPlanBody>): Submission => ({
    path: '/api/v1/test-plan/generate',
    body: { project_id: projectId, ...source, options: { format: 'markdown' } } as TestPlanBody,
  });
  switch (form.source) {
    case 'openapi': {
      const main: Submission = {
        path: '/api/v1/generate/api-tests',
        body: {
          project_id: projectId,
          ...specSource(form),
          ...(form.baseUrl.trim() ? { base_url: form.baseUrl.trim() } : {}),
          ...(lines(form.operations).length > 0 ? { endpoints: lines(form.operations) } : {}),
          options: {
            format: form.apiFormat,
            run: form.run && form.baseUrl.trim() !== '',
            repeat: form.repeat,
            allow_writes: form.allowWrites,
            headers: lines(form.headers),
            variables: pairs(form.variables),
            secret_variables: pairs(form.secretVariables),
          },
        },
      };
      return form.plan ? [main, plan(specSource(form))] : [main];
    }
    case 'page':
      return [
        {
          path: '/api/v1/generate/test-cases',
          body: {
            project_id: projectId,
            url: form.pageUrl.trim(),
            test_type: form.pageOutput,
            options: {
              format: form.caseFormat,
              max_pages: form.maxPages,
              repeat: form.repeat,
              llm,
              cache: true,
            },
          },
        },
      ];
    case 'requirements': {
      const requirements = requirementItems(form.requirements);
      const main: Submission = {
        path: '/api/v1/generate/test-cases',
        body: {
          project_id: projectId,
          requirements,
          test_type: 'manual',
          options: {
            format: form.caseFormat,
            max_pages: form.maxPages,
            repeat: form.repeat,
            llm,
            cache: true,
          },
        },
      };
      return form.plan ? [main, plan({ requirements })] : [main];
    }
  }
}
