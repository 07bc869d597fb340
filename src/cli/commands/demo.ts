import { type Command, InvalidArgumentError } from 'commander';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { computeApiFaults, type ComputeApiFaultName } from '../../../examples/compute-api/faults.ts';
import {
  priceCalculatorFaults,
  type PriceCalculatorFaultName,
} from '../../../examples/price-calculator/faults.ts';
import { port, positiveInteger } from '../parse-options.ts';
import { progressPrinter } from '../progress.ts';
import { printReport } from '../report-output.ts';

const COMPUTE_SPEC = fileURLToPath(new URL('../../../examples/compute-api/openapi.yaml', import.meta.url));

export function registerDemoCommands(program: Command, setExitCode: (code: number) => void): void {
  const demo = program.command('demo').description('Bundled demo targets, so everything runs offline.');
  demo
    .command('compute-api')
    .description('Serve the Evolution Compute API stand-in (VMs, disks, flavors); Ctrl+C stops it.')
    .option('--port <n>', 'port on 127.0.0.1', port, 4010)
    .option('--token <t>', 'Bearer token it accepts', 'demo-token')
    .option('--project-id <uuid>', 'id of its one project')
    .option(
      '--fault <name>',
      'seed one fault (see `testops demo faults compute-api`)',
      faultOf(computeApiFaults),
    )
    .action(
      async (flags: { port: number; token: string; projectId?: string; fault?: ComputeApiFaultName }) => {
        const { startComputeApi } = await import('../../../examples/compute-api/server.ts');
        const server = await startComputeApi({
          port: flags.port,
          token: flags.token,
          ...(flags.projectId ? { projectId: flags.projectId } : {}),
          fault: flags.fault ?? null,
        });
        process.stdout.write(
          [
            `compute-api listening on ${server.url}${flags.fault ? ` with fault "${flags.fault}"` : ''}`,
            `  token:      ${server.token}`,
            `  project id: ${server.projectId}`,
            `  spec:       ${COMPUTE_SPEC}`,
            `try: testops generate api --spec ${COMPUTE_SPEC} --base-url ${server.url} --header "Authorization: Bearer ${server.token}" --var project_id=${server.projectId} --run`,
            '',
          ].join('\n'),
        );
        await waitForSignal();
        await server.close();
      },
    );
  demo
    .command('calculator')
    .description('Serve the price-calculator web app; Ctrl+C stops it.')
    .option('--port <n>', 'port on 127.0.0.1', port, 4310)
    .option(
      '--fault <name>',
      'seed one UI fault (see `testops demo faults calculator`)',
      faultOf(priceCalculatorFaults),
    )
    .action(async (flags: { port: number; fault?: PriceCalculatorFaultName }) => {
      const { startPriceCalculator } = await import('../../../examples/price-calculator/server.ts');
      const server = await startPriceCalculator({ port: flags.port, fault: flags.fault ?? null });
      process.stdout.write(
        `price calculator on ${server.url}${flags.fault ? ` with fault "${flags.fault}"` : ''}\n`,
      );
      await waitForSignal();
      await server.close();
    });
  demo
    .command('faults <target>')
    .description('List the seeded faults of a demo target (compute-api or calculator), one per line.')
    .action((target: string) => {
      const faults =
        target === 'compute-api'
          ? computeApiFaults
          : target === 'calculator'
            ? priceCalculatorFaults
            : undefined;
      if (!faults)
        throw new InvalidArgumentError(`unknown demo target "${target}"; expected compute-api or calculator`);
      process.stdout.write(faults.map((fault) => fault.name).join('\n') + '\n');
    });
  demo
    .command('quickstart')
    .description('Start the compute API stand-in, generate its API suite, run it and print the summary.')
    .option('--out <dir>', 'folder for the generated suite', 'testops-out/compute-api')
    .option(
      '--fault <name>',
      'run against a seeded fault instead of the correct API',
      faultOf(computeApiFaults),
    )
    .option('--repeat <n>', 'runs per test', positiveInteger, 3)
    .option('--json', 'print the report as JSON on stdout')
    .action(async (flags: { out: string; fault?: ComputeApiFaultName; repeat: number; json?: boolean }) => {
      const [{ startComputeApi }, { generateApi }] = await Promise.all([
        import('../../../examples/compute-api/server.ts'),
        import('../../pipeline/generate-api.ts'),
      ]);
      const server = await startComputeApi({ fault: flags.fault ?? null });
      try {
        const outDir = resolve(flags.out);
        const report = await generateApi({
          spec: COMPUTE_SPEC,
          outDir,
          format: 'playwright-ts',
          baseUrl: server.url,
          headers: [`Authorization: Bearer ${server.token}`],
          variables: { project_id: server.projectId },
          run: true,
          repeat: flags.repeat,
          events: progressPrinter(),
        });
        setExitCode(printReport(report, { json: flags.json ?? false, outDir }));
      } finally {
        await server.close();
      }
    });
}

function faultOf(faults: readonly { name: string }[]) {
  return (value: string) => {
    if (!faults.some((fault) => fault.name === value)) {
      throw new InvalidArgumentError(
        `unknown fault "${value}"; one of: ${faults.map((fault) => fault.name).join(', ')}`,
      );
    }
    return value;
  };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolveSignal) => {
    process.once('SIGINT', () => resolveSignal());
    process.once('SIGTERM', () => resolveSignal());
  });
}
