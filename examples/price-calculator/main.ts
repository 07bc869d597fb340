// Runs the demo on its own: `npx tsx examples/price-calculator/main.ts` (PORT and
// CALCULATOR_FAULT are read from the environment).
import { startPriceCalculator } from './server.ts';

const calculator = await startPriceCalculator({ port: Number(process.env.PORT ?? 4310) });
console.log(`Price calculator listening on ${calculator.url}`);
