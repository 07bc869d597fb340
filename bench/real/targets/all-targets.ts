import type { BenchTarget } from '../bench-target.ts';
import { loopbackFileTransfer } from './loopback-file-transfer.ts';
import { nodeRed } from './node-red.ts';
import { platformaticDb } from './platformatic-db.ts';
import { tiddlywiki } from './tiddlywiki.ts';
import { unleash } from './unleash.ts';

/** In run order: the heavier targets first, while the machine is fresh. */
export const benchTargets: BenchTarget[] = [
  unleash,
  platformaticDb,
  loopbackFileTransfer,
  nodeRed,
  tiddlywiki,
];
