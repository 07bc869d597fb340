import type { PageModel } from '../../core/page-model.ts';

/** The most a page may put into one model call (the issue's budget per explored page). */
export const PAGE_TOKEN_BUDGET = 40_000;

/**
 * Tokens of a text, estimated at 4 characters per token: OpenAI's rule of thumb for English
 * (https://platform.openai.com/tokenizer). Cyrillic costs more per character with most
 * tokenizers, so Russian text counts 2 characters per token. An estimate, used only to keep a
 * prompt inside the budget; the provider's own count arrives with the usage of each call.
 */
export function estimateTokens(text: string): number {
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  return Math.ceil((text.length - cyrillic) / 4 + cyrillic / 2);
}

/** What the model sees of a page: its elements by id, what they hold, and the page's text. */
export interface PageDigest {
  page: string;
  path: string;
  title: string;
  headings: string[];
  elements: DigestElement[];
  /** The page's accessible text (its aria snapshot), cut to fit the budget. */
  text: string;
  /** What an observed action changed: the explorer's oracle, as short lines. */
  observed: string[];
}

interface DigestElement {
  id: string;
  role: string;
  name: string;
  value?: string;
  min?: string;
  max?: string;
  options?: string[];
  hidden?: true;
  disabled?: true;
}

/**
 * The page compacted for a prompt: no locators, screenshots, regions or mobile details; then,
 * while over `budget` tokens (of its JSON), the page text is halved, observed changes dropped,
 * and elements not shown on arrival dropped. Elements the page shows are kept: an intent may
 * only name those.
 */
export function pageDigest(
  page: PageModel,
  budget = PAGE_TOKEN_BUDGET,
): { digest: PageDigest; tokens: number } {
  const digest: PageDigest = {
    page: page.id,
    path: page.path,
    title: page.title,
    headings: page.headings.map((heading) => heading.text),
    elements: page.elements.map(digestElement),
    text: page.ariaSnapshot,
    observed: page.interactions.map(
      (interaction) =>
        `${interaction.action.kind} ${interaction.action.target}${'value' in interaction.action ? ` "${interaction.action.value}"` : ''}: ${interaction.effects.map((effect) => effect.kind).join(', ')}`,
    ),
  };
  const measure = () => estimateTokens(JSON.stringify(digest));
  while (measure() > budget && digest.text.length > 200)
    digest.text = digest.text.slice(0, digest.text.length / 2);
  if (measure() > budget) digest.observed = [];
  if (measure() > budget) digest.elements = digest.elements.filter((element) => !element.hidden);
  while (measure() > budget && digest.elements.length > 0) digest.elements.pop();
  return { digest, tokens: measure() };
}

function digestElement(element: PageModel['elements'][number]): DigestElement {
  const constraints = element.constraints;
  return {
    id: element.id,
    role: element.role,
    name: element.name.slice(0, 120),
    ...(element.value !== undefined && element.value !== element.name
      ? { value: element.value.slice(0, 120) }
      : {}),
    ...(constraints?.min !== undefined ? { min: constraints.min } : {}),
    ...(constraints?.max !== undefined ? { max: constraints.max } : {}),
    ...(constraints?.options
      ? { options: constraints.options.slice(0, 30).map((option) => option.value) }
      : {}),
    ...(element.visible ? {} : { hidden: true as const }),
    ...(element.enabled ? {} : { disabled: true as const }),
  };
}
