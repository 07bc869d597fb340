// Runs the stand-in on its own: `npx tsx examples/compute-api/main.ts` (port 4010 by default,
// the server URL of openapi.yaml). COMPUTE_API_PORT and COMPUTE_API_FAULT adjust it.
import { startComputeApi } from './server.ts';

const port = Number(process.env.COMPUTE_API_PORT ?? 4010);
const api = await startComputeApi({ port });
console.log(
  `compute-api listening on ${api.url} (token ${api.token}, project ${api.projectId}, fault ${api.fault ?? 'none'})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void api.close().then(() => process.exit(0));
  });
}
