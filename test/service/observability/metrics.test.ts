import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/service/observability/metrics.ts';

describe('createMetrics', () => {
  it('counts and exposes every service metric under the testops_ prefix', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.httpRequests.inc({ method: 'GET', route: '/api/v1/tasks/:id', status: '200' });
    metrics.httpRequests.inc({ method: 'GET', route: '/api/v1/tasks/:id', status: '200' });
    metrics.httpRequestDuration.observe({ method: 'GET', route: '/api/v1/tasks/:id' }, 0.012);
    metrics.jobsEnqueued.inc({ kind: 'api-tests' });
    metrics.jobsRunning.inc({ kind: 'api-tests' });
    metrics.jobDuration.observe({ kind: 'api-tests', status: 'completed' }, 42);
    metrics.jobFailures.inc({ kind: 'api-tests', code: 'TESTOPS_SPEC_INVALID' });
    metrics.testsGenerated.inc({ kind: 'api' }, 279);
    metrics.testsDelivered.inc({ kind: 'api' }, 270);
    metrics.testsFlaky.inc({ kind: 'api' }, 2);
    metrics.suspectedDefects.inc({ kind: 'api' }, 7);
    metrics.llmRequests.inc({ provider: 'openai', model: 'gpt-x', outcome: 'ok' });
    metrics.llmTokens.inc({ provider: 'openai', model: 'gpt-x', type: 'input' }, 1200);
    metrics.llmRequestDuration.observe({ provider: 'openai', model: 'gpt-x' }, 1.5);

    const text = await metrics.text();
    expect(text).toContain(
      'testops_http_requests_total{method="GET",route="/api/v1/tasks/:id",status="200"} 2',
    );
    expect(text).toContain(
      'testops_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/api/v1/tasks/:id"} 1',
    );
    expect(text).toContain('testops_tests_generated_total{kind="api"} 279');
    expect(text).toContain('testops_llm_tokens_total{provider="openai",model="gpt-x",type="input"} 1200');
    for (const name of [
      'jobs_enqueued_total',
      'jobs_running',
      'job_duration_seconds',
      'job_failures_total',
      'tests_delivered_total',
      'tests_flaky_total',
      'suspected_defects_total',
      'llm_requests_total',
      'llm_request_duration_seconds',
      'job_queue_depth',
    ]) {
      expect(text).toContain(`# TYPE testops_${name} `);
    }
    expect(metrics.contentType).toMatch(/^text\/plain/);
  });

  it('reads the queue depth from its source at every scrape', async () => {
    let pending = 3;
    const metrics = createMetrics({
      defaultMetrics: false,
      queueDepth: async () => ({ pending, running: 1 }),
    });
    expect(await metrics.text()).toContain('testops_job_queue_depth{status="pending"} 3');
    pending = 5;
    const text = await metrics.text();
    expect(text).toContain('testops_job_queue_depth{status="pending"} 5');
    expect(text).toContain('testops_job_queue_depth{status="running"} 1');
  });

  it('still answers a scrape when the source fails or hangs, without stale figures', async () => {
    let mode: 'ok' | 'fail' | 'hang' = 'ok';
    const metrics = createMetrics({
      defaultMetrics: false,
      queueDepthTimeoutMs: 50,
      queueDepth: () => {
        if (mode === 'fail') throw new Error('database down');
        if (mode === 'hang') return new Promise<Record<string, number>>(() => {});
        return { pending: 2 };
      },
    });
    expect(await metrics.text()).toContain('testops_job_queue_depth{status="pending"} 2');
    mode = 'fail';
    let text = await metrics.text();
    expect(text).not.toContain('testops_job_queue_depth{status="pending"}');
    expect(text).toContain('testops_metrics_collect_errors_total{source="queue_depth"} 1');
    mode = 'hang';
    text = await metrics.text();
    expect(text).toContain('testops_metrics_collect_errors_total{source="queue_depth"} 2');
  });

  it('gives each call its own registry, with process metrics under the prefix', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.jobsEnqueued.inc({ kind: 'validate' });
    expect(await second.text()).not.toContain('testops_jobs_enqueued_total{kind="validate"}');
    expect(await first.text()).toContain('testops_process_cpu_user_seconds_total');
  });
});
