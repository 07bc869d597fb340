import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { followJob } from '../../api/job-stream.ts';
import { applyEvent, EMPTY_TIMELINE, type JobTimeline } from './job-timeline.ts';

/**
 * Follows the task's stream from its first event, so opening (or reloading) the page mid-job
 * shows the whole history and then goes on live; on the final status the task is read again.
 */
export function useJobTimeline(taskId: string) {
  const [timeline, setTimeline] = useState<JobTimeline>(EMPTY_TIMELINE);
  const [connection, setConnection] = useState<'live' | 'reconnecting' | 'ended' | 'failed'>('live');
  const [error, setError] = useState<Error>();
  // Bumped after a retry: the job's stream opens again and replays the new attempt too.
  const [generation, setGeneration] = useState(0);
  const client = useQueryClient();
  useEffect(() => {
    setTimeline(EMPTY_TIMELINE);
    setConnection('live');
    return followJob(taskId, {
      onEvent: (event) => {
        setConnection('live');
        setTimeline((current) => applyEvent(current, event));
        if (event.event === 'status') void client.invalidateQueries({ queryKey: ['task', taskId] });
      },
      onReconnecting: () => setConnection('reconnecting'),
      onError: (failure) => {
        setError(failure);
        setConnection('failed');
      },
      onEnd: () => {
        setConnection('ended');
        void client.invalidateQueries({ queryKey: ['task', taskId] });
      },
    });
  }, [taskId, client, generation]);
  return { timeline, connection, error, restart: () => setGeneration((value) => value + 1) };
}
