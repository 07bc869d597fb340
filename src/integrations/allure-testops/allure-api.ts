import type { VendorHttp } from '../vendor-http.ts';
import type { AllureCaseFields, AllureScenarioStep, AllureTag } from './allure-case-payload.ts';

// The Allure TestOps calls we make (allure-testops-service API, 25.x): test cases under
// /api/testcase, the scenario and the tags each set by their own call.

export interface AllureTestCase {
  id: number;
  projectId?: number;
  name?: string;
  deleted?: boolean;
}

export async function createTestCase(
  http: VendorHttp,
  projectId: number,
  fields: AllureCaseFields,
): Promise<AllureTestCase> {
  const response = await http.request<AllureTestCase>({
    method: 'POST',
    path: 'api/testcase',
    body: { projectId, ...defined(fields) },
  });
  return response.body;
}

/** The case, or undefined when it no longer exists (deleted in Allure TestOps since the last export). */
export async function getTestCase(http: VendorHttp, id: number): Promise<AllureTestCase | undefined> {
  const response = await http.request<AllureTestCase>({ path: `api/testcase/${id}`, accept: [404] });
  return response.status === 404 ? undefined : response.body;
}

/** The project's live cases carrying a tag (RQL search; the first page is enough for one tag). */
export async function findByTag(http: VendorHttp, projectId: number, tag: string): Promise<AllureTestCase[]> {
  const response = await http.request<{ content?: AllureTestCase[] }>({
    path: 'api/testcase/__search',
    query: { projectId, rql: `tag = "${tag.replace(/["\\]/g, '\\$&')}"`, deleted: false, page: 0, size: 10 },
  });
  return (response.body?.content ?? []).filter((found) => found.deleted !== true);
}

export async function updateTestCase(http: VendorHttp, id: number, fields: AllureCaseFields): Promise<void> {
  // A PATCH that sets every field to the same values twice does no harm: safe to retry on 5xx.
  await http.request({
    method: 'PATCH',
    path: `api/testcase/${id}`,
    body: defined(fields),
    idempotent: true,
  });
}

/** Replaces the case's scenario: the steps in order, each action followed by its expected result. */
export async function setScenario(http: VendorHttp, id: number, steps: AllureScenarioStep[]): Promise<void> {
  await http.request({
    method: 'POST',
    path: `api/testcase/${id}/scenario`,
    body: { steps },
    idempotent: true,
  });
}

/** Replaces the case's tags. */
export async function setTags(http: VendorHttp, id: number, tags: AllureTag[]): Promise<void> {
  await http.request({ method: 'POST', path: `api/testcase/${id}/tag`, body: tags, idempotent: true });
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
