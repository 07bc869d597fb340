import { Progress, Stack, Text, Timeline } from '@mantine/core';
import type { JobTimeline } from './job-timeline.ts';

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The job's stages as they happen: each with its duration, the runs with their counts. */
export function StageTimeline({ timeline }: { timeline: JobTimeline }) {
  const active = timeline.stages.filter((stage) => stage.state === 'done').length;
  return (
    <Stack gap="sm">
      <Progress
        value={timeline.percent}
        aria-label={`Progress ${timeline.percent} %`}
        animated={!timeline.status}
      />
      {timeline.stages.length === 0 ? (
        <Text size="sm" c="dimmed">
          Waiting for the first stage…
        </Text>
      ) : (
        <Timeline active={active - 1} bulletSize={16} lineWidth={2} aria-label="Stages">
          {timeline.stages.map((stage, index) => (
            <Timeline.Item key={`${stage.name}-${index}`} title={stage.name}>
              <Text size="xs" c="dimmed">
                {stage.state === 'done' ? `done in ${seconds(stage.durationMs ?? 0)}` : 'running…'}
                {stage.detail ? ` · ${stage.detail}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {timeline.runs.length > 0 && (
        <Stack gap={2} aria-label="Runs">
          {timeline.runs.map((run) => (
            <Text size="sm" key={run.attempt}>
              Run {run.attempt} of {run.of}: {run.tests} tests
              {run.passed !== undefined ? ` — ${run.passed} passed, ${run.failed} failed` : ' — running…'}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
