#!/usr/bin/env node
// The CLI runs from TypeScript sources through tsx's loader, so the bin never goes stale
// against src/ and needs no build step after install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
