// Saves the site model as versioned JSON under <out>/model/ (one file per page as well, for
// readers that want a single page) and reads it back, refusing versions newer than this code.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITE_MODEL_VERSION } from '../../core/page-model.ts';
import type { SiteModel } from '../../core/page-model.ts';
import { TestopsError } from '../../core/errors.ts';

export const SITE_MODEL_FILE = 'site-model.json';

/** Writes `<outDir>/model/site-model.json` and `pages/<id>.json`; returns the model file's path. */
export async function writeSiteModel(outDir: string, model: SiteModel): Promise<string> {
  const modelDir = join(outDir, 'model');
  await mkdir(join(modelDir, 'pages'), { recursive: true });
  for (const page of model.pages) {
    await writeFile(join(modelDir, 'pages', `${page.id}.json`), `${JSON.stringify(page, null, 2)}\n`);
  }
  const file = join(modelDir, SITE_MODEL_FILE);
  await writeFile(file, `${JSON.stringify(model, null, 2)}\n`);
  return file;
}

/** The model file for an output folder, its model/ folder, or the file itself. */
async function locateModel(dirOrFile: string): Promise<string> {
  const candidates = [dirOrFile, join(dirOrFile, SITE_MODEL_FILE), join(dirOrFile, 'model', SITE_MODEL_FILE)];
  for (const candidate of candidates) {
    if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate;
  }
  throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'no site model found', {
    where: dirOrFile,
    expected: `an output folder with model/${SITE_MODEL_FILE}, or that file`,
    hint: 'explore the site first (it writes the model), or point to the folder it wrote.',
  });
}

function invalid(file: string, problem: string): TestopsError {
  return new TestopsError('TESTOPS_MODEL_INVALID', problem, {
    where: file,
    expected: `a site model (version ${SITE_MODEL_VERSION}) as written by the explorer`,
    hint: 'explore the site again to write a fresh model.',
  });
}

export async function readSiteModel(dirOrFile: string): Promise<SiteModel> {
  const file = await locateModel(dirOrFile);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw invalid(file, `the model is not valid JSON (${(error as Error).message})`);
  }
  const model = data as Partial<SiteModel> | null;
  if (!model || typeof model !== 'object' || typeof model.version !== 'number') {
    throw invalid(file, 'the model has no version');
  }
  if (model.version > SITE_MODEL_VERSION) {
    throw new TestopsError(
      'TESTOPS_MODEL_UNSUPPORTED_VERSION',
      `model version ${model.version} is newer than this tool`,
      {
        where: file,
        expected: `version ${SITE_MODEL_VERSION} or older`,
        hint: 'upgrade testops-copilot, or explore the site again with this version.',
      },
    );
  }
  if (!Array.isArray(model.pages) || !Array.isArray(model.navigation) || typeof model.startUrl !== 'string') {
    throw invalid(file, 'the model lacks pages, navigation or startUrl');
  }
  return model as SiteModel;
}
