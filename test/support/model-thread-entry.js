// A worker thread that calls the fixture model (see model-thread.ts): loader hooks of the main
// thread do not reach worker threads (Node 20), so the thread registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./model-thread.ts');
