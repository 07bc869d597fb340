// What each end-to-end suite test starts from: a local site's one page explored in a real
// browser, its suite generated and emitted, and the files written with their pinned
// dependencies linked.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteModel } from '../../../src/core/page-model.ts';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { emitPlaywrightUiSuite } from '../../../src/emit/playwright-ui/emit-playwright-ui-suite.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { startLocalSite } from '../../sources/web/local-site.ts';
import type { Route } from '../../sources/web/local-site.ts';
import { writeEmittedSuite } from './suite-dependencies.ts';

export interface ExploredSuite {
  /** What the explorer recorded, for tests that check it beside the suite made from it. */
  model: SiteModel;
  suite: UiSuite;
  files: Record<string, string>;
  suiteDir: string;
}

/** `name` tells the temporary folders apart (`testops-<name>-model-…`, `…-suite-…`). */
export async function exploreAndEmit(routes: Record<string, Route>, name: string): Promise<ExploredSuite> {
  const site = await startLocalSite(routes);
  let model: SiteModel;
  let suite: UiSuite;
  let files: Record<string, string>;
  try {
    const out = await mkdtemp(join(tmpdir(), `testops-${name}-model-`));
    model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    suite = generateUiSuite(model);
    files = emitPlaywrightUiSuite(suite, { baseUrl: model.origin });
  } finally {
    await site.close();
  }
  const suiteDir = await mkdtemp(join(tmpdir(), `testops-${name}-suite-`));
  await writeEmittedSuite(suiteDir, files);
  return { model, suite, files, suiteDir };
}
