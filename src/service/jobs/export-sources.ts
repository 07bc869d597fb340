// What an export job reads besides its input: the artifacts of the finished task it exports,
// and the project secret holding the vendor token. Both are checked when the job is submitted
// (a 404 or 400 naming the field, not a failed job) and the artifacts staged when it runs.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TestopsError } from '../../core/errors.ts';
import type { Stores } from '../store/stores.ts';
import type { JobRecord } from './job.ts';
import { namedSecretRefs } from './job-secrets.ts';

/** The folder of a job's input the exported task's artifacts are written to. */
export const EXPORT_SOURCE_DIR = 'source';

/** Refuses an export whose task is not a finished task of the project, or whose token secret does not exist. */
export async function checkExportSources(
  stores: Stores,
  projectId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const taskId = input['task_id'];
  if (typeof taskId === 'string') await exportableTask(stores, projectId, taskId);
  for (const name of namedSecretRefs(input)) {
    if (await stores.secrets.get(projectId, name)) continue;
    throw new TestopsError(
      'TESTOPS_VENDOR_TOKEN_MISSING',
      `project "${projectId}" has no secret named "${name}"`,
      {
        where: 'target.token_secret',
        expected: 'the name of a project secret that holds the vendor token',
        hint: `store it first: PUT /api/v1/projects/${projectId}/secrets/${name} with {"value": "<token>"}.`,
      },
    );
  }
}

async function exportableTask(stores: Stores, projectId: string, taskId: string): Promise<JobRecord> {
  const task = await stores.jobs.get(taskId);
  // Another project's task is answered as missing: ids must not reveal what other projects hold.
  if (!task || task.projectId !== projectId)
    throw new TestopsError('TESTOPS_TASK_NOT_FOUND', `no task ${taskId} in project "${projectId}"`, {
      where: 'task_id',
    });
  if (task.status !== 'completed')
    throw new TestopsError(
      'TESTOPS_NO_ARTIFACTS',
      `task ${taskId} is ${task.status}: only a completed task's artifacts are exported`,
      {
        where: 'task_id',
        hint: 'wait for the task to complete (GET /api/v1/tasks/{id}), or send the files themselves.',
      },
    );
  return task;
}

/** Writes the exported task's artifacts under `inputDir/source`; nothing for an export of inline files. */
export async function stageExportSource(stores: Stores, job: JobRecord, inputDir: string): Promise<void> {
  const taskId = job.input['task_id'];
  if (job.kind !== 'export' || typeof taskId !== 'string') return;
  await exportableTask(stores, job.projectId, taskId);
  const artifacts = await stores.artifacts.listForJob(taskId);
  if (artifacts.length === 0)
    throw new TestopsError('TESTOPS_NO_ARTIFACTS', `task ${taskId} has no artifacts to export`, {
      where: 'task_id',
    });
  const root = join(inputDir, EXPORT_SOURCE_DIR);
  for (const artifact of artifacts) {
    // Stored paths are relative already; a path that would leave the folder is skipped, never followed.
    if (artifact.path.startsWith('/') || artifact.path.split('/').includes('..')) continue;
    const path = join(root, artifact.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, artifact.content);
  }
}
