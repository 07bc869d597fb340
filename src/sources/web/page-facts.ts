// The page as a screen reader sees it: title, headings, landmarks and the aria snapshot of the
// body (bounded, with truncation flagged), plus per-landmark snapshots to find stable regions.
import type { Page } from '@playwright/test';
import type { UiLocator } from '../../core/page-model.ts';
import { keysOfMatches } from './in-page-script.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

export const MAX_ARIA_SNAPSHOT_CHARS = 20_000;

const landmarkRoles = new Set([
  'banner',
  'navigation',
  'main',
  'contentinfo',
  'complementary',
  'region',
  'form',
  'search',
]);

export interface PageFacts {
  title: string;
  headings: { level: number; text: string }[];
  landmarks: { role: string; name: string; visible?: false }[];
  ariaSnapshot: string;
  ariaSnapshotTruncated: boolean;
}

interface AriaNode {
  role?: string;
  name?: string;
  level?: number;
  children?: unknown[];
}

function walk(nodes: unknown, visit: (node: AriaNode) => void): void {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    visit(node as AriaNode);
    walk((node as AriaNode).children, visit);
  }
}

/** Cuts at a line boundary so the snapshot stays valid YAML lines. */
export function boundSnapshot(
  text: string,
  max = MAX_ARIA_SNAPSHOT_CHARS,
): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const cut = text.lastIndexOf('\n', max);
  return { text: text.slice(0, cut > 0 ? cut : max), truncated: true };
}

export async function readPageFacts(page: Page): Promise<PageFacts> {
  const body = page.locator('body');
  const [title, tree, yaml] = await Promise.all([
    page.title(),
    body.ariaSnapshotJSON({ timeout: 10_000 }),
    body.ariaSnapshot({ timeout: 10_000 }),
  ]);
  const headings: PageFacts['headings'] = [];
  const landmarks: PageFacts['landmarks'] = [];
  walk(tree, (node) => {
    if (node.role === 'heading') headings.push({ level: Number(node.level ?? 0), text: node.name ?? '' });
    if (node.role && landmarkRoles.has(node.role)) landmarks.push({ role: node.role, name: node.name ?? '' });
  });
  const bounded = boundSnapshot(yaml);
  await markHiddenLandmarks(page, landmarks);
  return { title, headings, landmarks, ariaSnapshot: bounded.text, ariaSnapshotTruncated: bounded.truncated };
}

/**
 * A landmark that is in the tree but shows nothing on this load (an empty list's `main`, a footer
 * shown once items exist) is marked: a test of the fresh load must not expect to see it.
 */
async function markHiddenLandmarks(page: Page, landmarks: PageFacts['landmarks']): Promise<void> {
  await Promise.all(
    landmarks.map(async (landmark) => {
      const locator = page.getByRole(landmark.role as 'main', {
        ...(landmark.name ? { name: landmark.name, exact: true } : {}),
      });
      const visible = await locator
        .first()
        .isVisible()
        .catch(() => true);
      if (!visible) landmark.visible = false;
    }),
  );
}

export const regionLabel = (landmark: { role: string; name: string }): string =>
  landmark.name ? `${landmark.role} "${landmark.name}"` : landmark.role;

/** Landmarks with a unique locator and their current aria snapshot, keyed by region label. */
export async function snapshotLandmarks(
  page: Page,
  landmarks: { role: string; name: string }[],
): Promise<Map<string, { locator: UiLocator; snapshot: string }>> {
  const result = new Map<string, { locator: UiLocator; snapshot: string }>();
  for (const landmark of landmarks) {
    const locator: UiLocator = landmark.name
      ? { strategy: 'role', role: landmark.role, name: landmark.name, exact: true }
      : { strategy: 'role', role: landmark.role };
    const resolved = toPlaywrightLocator(page, locator);
    const keys = await keysOfMatches(resolved).catch(() => []);
    if (keys.length !== 1) continue;
    const snapshot = await resolved.ariaSnapshot({ timeout: 5_000 }).catch(() => undefined);
    if (snapshot !== undefined)
      result.set(regionLabel(landmark), { locator, snapshot: boundSnapshot(snapshot).text });
  }
  return result;
}
