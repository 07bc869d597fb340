import pc from 'picocolors';
import type { CrewStep, EventSink } from '../core/events.ts';

/** Prints pipeline events as progress lines on stderr, so stdout stays clean for --json. */
export function progressPrinter(stream: NodeJS.WritableStream = process.stderr): EventSink {
  return (event) => {
    switch (event.type) {
      case 'stage-start':
        stream.write(`${pc.cyan('▸')} ${event.stage}…\n`);
        return;
      case 'stage-end':
        stream.write(
          `${pc.green('✓')} ${event.stage} ${pc.dim(`${(event.durationMs / 1000).toFixed(1)} s`)}\n`,
        );
        return;
      case 'operation-skipped':
        stream.write(`${pc.yellow('!')} skipped ${event.operation}: ${event.reason.split('\n')[0]}\n`);
        return;
      case 'run-start':
        stream.write(`${pc.cyan('▸')} running every test ${event.of}× against the target…\n`);
        return;
      case 'run-end':
        return;
      case 'model-call':
        return;
      case 'model-fallback':
        stream.write(`${pc.yellow('!')} ${event.message}\n`);
        return;
      case 'crew-step':
        stream.write(`${pc.dim('·')} ${crewStepLine(event.step)}\n`);
        return;
      case 'log':
        stream.write(`${event.level === 'warn' ? pc.yellow('!') : pc.dim('·')} ${event.message}\n`);
        return;
    }
  };
}

function crewStepLine(step: CrewStep): string {
  const who = `${step.task} · ${step.agent}`;
  const what = [step.action, step.tool ?? step.coworker, step.detail].filter(Boolean).join(' ');
  return `${who}: ${what}${step.durationMs === undefined ? '' : pc.dim(` ${(step.durationMs / 1000).toFixed(1)} s`)}`;
}
