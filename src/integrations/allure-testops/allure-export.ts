import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VendorHttp } from '../vendor-http.ts';
import { type AllureCasePayload, allureCasePayload, caseTag } from './allure-case-payload.ts';
import {
  createTestCase,
  findByTag,
  getTestCase,
  setScenario,
  setTags,
  updateTestCase,
} from './allure-api.ts';
import { type AllureCasesFolder, writeIdsIntoModules } from './allure-cases-folder.ts';
import { allurectlGithubSteps, allurectlGitlabJob } from './allurectl-ci.ts';

/**
 * Exports manual cases to Allure TestOps. A case whose module already carries `@allure.id` is
 * updated (fields, scenario, tags) — unless that case was deleted in Allure TestOps, when a new
 * one is created and the ID in the code replaced; every other case is created and its new ID
 * written into the code. So a second export updates and never duplicates.
 */
export interface AllureTarget {
  endpoint: URL;
  projectId: number;
}

export type AllureCaseAction = 'created' | 'updated' | 'recreated' | 'would-create' | 'would-update';

export interface AllureExportItem {
  caseId: string;
  title: string;
  allureId: number | undefined;
  action: AllureCaseAction;
}

export interface PlannedAllureRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  when: string;
}

export interface AllureExportResult {
  items: AllureExportItem[];
  /** Modules whose `@allure.id` lines were written or changed. */
  changedModules: string[];
  /** CI snippets written beside the cases (relative paths). */
  ciFiles: string[];
  planned: PlannedAllureRequest[] | undefined;
}

export const CI_FILES = {
  gitlab: 'ci/allure-testops.gitlab-ci.yml',
  github: 'ci/allure-testops.github-steps.yml',
};

/** What a real export would send, for `--dry-run`: nothing is sent and nothing is written. */
export function planAllureExport(folder: AllureCasesFolder, target: AllureTarget): AllureExportResult {
  const planned: PlannedAllureRequest[] = [
    {
      method: 'POST',
      path: 'api/uaa/oauth/token',
      body: 'grant_type=apitoken&scope=openid&token=$ALLURE_TOKEN (form-encoded)',
      when: 'first: the API token is exchanged for a session token',
    },
  ];
  const items = folder.cases.map((manualCase): AllureExportItem => {
    const payload = allureCasePayload(manualCase);
    const id = folder.ids.get(manualCase.id);
    const path = id === undefined ? '{new id}' : String(id);
    if (id === undefined)
      planned.push(
        {
          method: 'GET',
          path: `api/testcase/__search?projectId=${target.projectId}&rql=tag = "${caseTag(manualCase.id)}"`,
          when: 'first: a case exported before carries this tag (then it is updated instead)',
        },
        {
          method: 'POST',
          path: 'api/testcase',
          body: { projectId: target.projectId, ...payload.fields },
          when: 'create, when no case carries the tag',
        },
      );
    else
      planned.push(
        {
          method: 'GET',
          path: `api/testcase/${id}`,
          when: 'update: the case still exists (else it is created again)',
        },
        { method: 'PATCH', path: `api/testcase/${id}`, body: payload.fields, when: 'update' },
      );
    planned.push(
      { method: 'POST', path: `api/testcase/${path}/scenario`, body: payload.scenario, when: 'always' },
      { method: 'POST', path: `api/testcase/${path}/tag`, body: payload.tags, when: 'always' },
    );
    return {
      caseId: manualCase.id,
      title: manualCase.title,
      allureId: id,
      action: id === undefined ? 'would-create' : 'would-update',
    };
  });
  return { items, changedModules: [], ciFiles: [], planned };
}

export async function runAllureExport(
  http: VendorHttp,
  folder: AllureCasesFolder,
  target: AllureTarget,
  onItem?: (item: AllureExportItem) => void,
): Promise<AllureExportResult> {
  const items: AllureExportItem[] = [];
  const ids = new Map<string, number>();
  let changedModules: string[];
  try {
    for (const manualCase of folder.cases) {
      const item = await exportCase(
        http,
        target,
        allureCasePayload(manualCase),
        folder.ids.get(manualCase.id),
      );
      items.push({ ...item, title: manualCase.title });
      if (item.allureId !== undefined) ids.set(manualCase.id, item.allureId);
      onItem?.({ ...item, title: manualCase.title });
    }
  } finally {
    // Cases created before a failure keep their IDs in the code: the next export updates them.
    changedModules = await writeIdsIntoModules(folder, ids);
  }
  const ciFiles = await writeCiSnippets(folder.dir, target);
  return { items, changedModules, ciFiles, planned: undefined };
}

async function exportCase(
  http: VendorHttp,
  target: AllureTarget,
  payload: AllureCasePayload,
  knownId: number | undefined,
): Promise<Omit<AllureExportItem, 'title'>> {
  const existing = knownId === undefined ? undefined : await getTestCase(http, knownId);
  const alive =
    existing !== undefined &&
    existing.deleted !== true &&
    (existing.projectId ?? target.projectId) === target.projectId;
  let id: number;
  let action: AllureCaseAction;
  if (alive) {
    id = knownId!;
    action = 'updated';
  } else {
    // The code has no live ID: a case exported before carries the case's tag.
    const [tagged] = await findByTag(http, target.projectId, caseTag(payload.caseId));
    id = tagged?.id ?? (await createTestCase(http, target.projectId, payload.fields)).id;
    action = tagged ? 'updated' : knownId === undefined ? 'created' : 'recreated';
  }
  if (action === 'updated') await updateTestCase(http, id, payload.fields);
  await setScenario(http, id, payload.scenario.steps);
  await setTags(http, id, payload.tags);
  return { caseId: payload.caseId, allureId: id, action };
}

async function writeCiSnippets(dir: string, target: AllureTarget): Promise<string[]> {
  const options = {
    endpoint: target.endpoint.origin + target.endpoint.pathname.replace(/\/$/, ''),
    projectId: target.projectId,
    testCommand: 'pytest --alluredir allure-results',
    launchName: 'TestOps Copilot cases',
  };
  await mkdir(join(dir, 'ci'), { recursive: true });
  await writeFile(join(dir, CI_FILES.gitlab), allurectlGitlabJob(options));
  await writeFile(join(dir, CI_FILES.github), allurectlGithubSteps(options));
  return [CI_FILES.gitlab, CI_FILES.github];
}
