import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document.ts';

// The web UI's typed client is generated from a committed copy of /openapi.json: when a route
// changes, this fails until `npm run web:api` refreshes the copy and the types.
describe('the web UI’s API snapshot', () => {
  it('equals the document the service publishes', async () => {
    const committed = JSON.parse(
      await readFile(new URL('../../web/src/api/openapi.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(await openApiDocument())));
  });
});
