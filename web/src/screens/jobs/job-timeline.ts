import type { StreamEvent } from '../../api/sse-parser.ts';

export interface Stage {
  name: string;
  state: 'running' | 'done';
  durationMs: number | undefined;
  detail: string | undefined;
}

export interface RunAttempt {
  attempt: number;
  of: number;
  tests: number;
  passed: number | undefined;
  failed: number | undefined;
}

/** What the job's event stream has said so far, folded into what the timeline shows. */
export interface JobTimeline {
  stages: Stage[];
  runs: RunAttempt[];
  percent: number;
  status: string | undefined;
  messages: { level: string; text: string }[];
  modelCalls: number;
}

export const EMPTY_TIMELINE: JobTimeline = {
  stages: [],
  runs: [],
  percent: 0,
  status: undefined,
  messages: [],
  modelCalls: 0,
};

type Data = Record<string, unknown>;
const MAX_MESSAGES = 200;

/** Adds one event; pure, so a replayed stream (after a reload) rebuilds the same timeline. */
export function applyEvent(timeline: JobTimeline, event: StreamEvent): JobTimeline {
  const data = (event.data ?? {}) as Data;
  switch (event.event) {
    case 'stage-start':
      return {
        ...timeline,
        stages: [
          ...timeline.stages,
          {
            name: String(data['stage']),
            state: 'running',
            durationMs: undefined,
            detail: data['detail'] as string | undefined,
          },
        ],
      };
    case 'stage-end': {
      const stages = [...timeline.stages];
      const index = stages.findLastIndex(
        (stage) => stage.name === data['stage'] && stage.state === 'running',
      );
      const ended: Stage = {
        name: String(data['stage']),
        state: 'done',
        durationMs: Number(data['durationMs']),
        detail: (data['detail'] as string | undefined) ?? stages[index]?.detail,
      };
      if (index >= 0) stages[index] = ended;
      else stages.push(ended);
      return { ...timeline, stages };
    }
    case 'run-start':
      return {
        ...timeline,
        runs: [
          ...timeline.runs,
          {
            attempt: Number(data['attempt']),
            of: Number(data['of']),
            tests: Number(data['tests']),
            passed: undefined,
            failed: undefined,
          },
        ],
      };
    case 'run-end':
      return {
        ...timeline,
        runs: timeline.runs.map((run) =>
          run.attempt === data['attempt']
            ? { ...run, passed: Number(data['passed']), failed: Number(data['failed']) }
            : run,
        ),
      };
    case 'progress':
      return { ...timeline, percent: Number(data['percent']) };
    case 'status':
      return {
        ...timeline,
        status: String(data['status']),
        percent: data['status'] === 'completed' ? 100 : timeline.percent,
      };
    case 'log':
    case 'operation-skipped':
    case 'model-fallback': {
      const text =
        event.event === 'log'
          ? String(data['message'])
          : event.event === 'operation-skipped'
            ? `${String(data['operation'])} skipped: ${String(data['reason'])}`
            : `model fell back for ${String(data['capability'])}: ${String(data['message'])}`;
      const level = event.event === 'log' ? String(data['level']) : 'warn';
      return { ...timeline, messages: [...timeline.messages, { level, text }].slice(-MAX_MESSAGES) };
    }
    case 'model-call':
      return { ...timeline, modelCalls: timeline.modelCalls + 1 };
    default:
      return timeline;
  }
}
