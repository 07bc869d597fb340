// Writes the API's OpenAPI document to the web UI (web/src/api/openapi.json), from which its
// typed client is generated. `test/web/openapi-snapshot.test.ts` fails when the two drift apart.
import { writeFile } from 'node:fs/promises';
import { openApiDocument } from '../test/web/openapi-document.ts';

const target = new URL('../web/src/api/openapi.json', import.meta.url);
await writeFile(target, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
