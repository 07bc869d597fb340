/**
 * The BullMQ queue every API and worker process shares. Its Redis keys are
 * `<TESTOPS_QUEUE_PREFIX>:jobs:<state>`; autoscalers outside the service read the `wait` list.
 */
export const QUEUE_NAME = 'jobs';
