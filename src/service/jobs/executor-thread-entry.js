// A job's thread starts here, in plain JavaScript: loader hooks registered in the main thread do
// not reach worker threads (Node 20), so the thread registers tsx itself, then loads the job.
import { register } from 'tsx/esm/api';

register();
await import('./executor-thread.ts');
