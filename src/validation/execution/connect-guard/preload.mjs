// Preloaded (NODE_OPTIONS=--import) into the processes of a guarded suite run: loads the guard
// from its TypeScript source through tsx's scoped loader, which leaves the suite's own module
// loading (Playwright's) alone.
import { tsImport } from 'tsx/esm/api';

const { installConnectGuard } = await tsImport('./install-connect-guard.ts', import.meta.url);
installConnectGuard(JSON.parse(process.env.TESTOPS_CONNECT_GUARD ?? '{"pins":{}}'));
