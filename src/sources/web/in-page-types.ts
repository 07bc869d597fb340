/**
 * Shapes returned by the in-page scripts (`in-page/*.js`). `key` is an internal CSS selector
 * that finds the element in the current document; it never reaches the model.
 */
import type { FieldConstraints } from '../../core/page-model.ts';

export interface ScopeFacts {
  key: string;
  role: string;
  name: string;
  testId: string;
}

export interface ElementFacts {
  key: string;
  tag: string;
  inputType: string | undefined;
  /** Approximate role computed in the page; Playwright's (from an aria snapshot) is preferred. */
  role: string;
  name: string;
  visible: boolean;
  enabled: boolean;
  /** A field the user cannot edit (readonly): shown to be copied, never filled. */
  readOnly: boolean;
  value: string | undefined;
  checked: boolean | undefined;
  expanded: boolean | undefined;
  /** aria-selected, e.g. the current tab. */
  selected: boolean;
  /** The radio group (input name) a radio button belongs to. */
  group: string;
  invalid: boolean;
  testId: string;
  /** The element's own `id` attribute ('' when none). */
  elementId: string;
  /** Its class names, as written. */
  classNames: string[];
  placeholder: string;
  labels: string[];
  ariaLabel: string;
  text: string;
  href: string | undefined;
  /** target=_blank or download: following it would not stay in this tab. */
  opensElsewhere: boolean;
  formKey: string | undefined;
  submits: boolean;
  constraints: FieldConstraints | undefined;
  /** Enclosing landmarks, regions, dialogs, articles, groups: innermost first. */
  scopes: ScopeFacts[];
  region: string | undefined;
  url: string;
}

export interface ObservedItem {
  key: string;
  /** Keyed by its own attributes; otherwise by position, which says nothing about identity. */
  stable: boolean;
  /** Key of the nearest observed ancestor, '' at the top. */
  parent: string;
  /** Landmarks around it, innermost first (`form "Configure"`, `main`). */
  regions: string[];
  /** null for long container texts, which are not compared. */
  text: string | null;
  value: string | undefined;
  visible: boolean;
  enabled: boolean;
  checked: boolean | undefined;
  expanded: string | undefined;
  invalid: boolean;
}

export interface PageSnapshot {
  url: string;
  items: ObservedItem[];
  /** Visible text blocks not covered by an observed item, with their nearest observed ancestor. */
  texts: { text: string; parent: string; regions: string[] }[];
}

export interface FormFacts {
  key: string;
  name: string;
  method: string;
  noValidate: boolean;
  fieldKeys: string[];
}

export interface OverflowFacts {
  horizontal: boolean;
  keys: string[];
}
