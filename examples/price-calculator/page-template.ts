// The single-page shell: every app route gets public/index.html with the active fault written
// into <meta name="fault">, so the client needs no extra request to learn it.
import type { PriceCalculatorFaultName } from './faults.ts';

const appRoutes = [/^\/$/, /^\/catalog$/, /^\/estimate$/, /^\/configure\/[a-z0-9-]+$/];

export function isAppRoute(pathname: string): boolean {
  return appRoutes.some((route) => route.test(pathname));
}

const faultMeta = '<meta name="fault" content="" />';

export function renderPage(template: string, fault: PriceCalculatorFaultName | null): string {
  if (!template.includes(faultMeta)) throw new Error('index.html lacks the fault <meta> placeholder');
  // Fault names are [a-z0-9-] only, so they need no HTML escaping.
  return template.replace(faultMeta, `<meta name="fault" content="${fault ?? ''}" />`);
}
