/**
 * BullMQ refuses custom job ids that look like integers or contain ':' (its key separator).
 * Store ids normally pass through unchanged, so the dashboard shows the ids users know; any
 * other id is encoded, reversibly, under a prefix no plain id gets.
 */
export function bullmqJobId(jobId: string): string {
  const plain = /^[A-Za-z0-9._-]+$/.test(jobId) && !/^\d+$/.test(jobId) && !jobId.startsWith(ENCODED);
  return plain ? jobId : ENCODED + Buffer.from(jobId, 'utf8').toString('base64url');
}

const ENCODED = 'b64.';
