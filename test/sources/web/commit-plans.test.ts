import { describe, expect, it } from 'vitest';
import type { UiElement } from '../../../src/core/page-model.ts';
import { commitPlans } from '../../../src/sources/web/commit-plans.ts';
import type { PlanContext } from '../../../src/sources/web/plan-interactions.ts';
import type { ElementFacts } from '../../../src/sources/web/in-page-types.ts';

function element(id: string, role: string, name: string, fields: Partial<UiElement> = {}): UiElement {
  return {
    ...{ id, role, name, tag: role === 'button' ? 'button' : 'input', inputType: undefined },
    ...{ locator: { strategy: 'role', role, name, exact: true }, visible: true, enabled: true },
    ...{ region: 'main', value: undefined, constraints: undefined, destructive: false },
    ...fields,
  };
}

function context(elements: UiElement[], readOnly: string[] = []): PlanContext {
  const facts = (id: string) => ({ placeholder: '', readOnly: readOnly.includes(id) }) as ElementFacts;
  return {
    elements,
    facts: new Map(elements.map((entry) => [entry.id, facts(entry.id)])),
    allowDestructive: true,
    postingForms: new Set(),
  };
}

// An editor a "new" button opened: a title box, a field box, and its own buttons.
const editor = [
  element('delete', 'button', 'Delete this item', { destructive: true }),
  element('discard', 'button', 'Discard changes'),
  element('confirm', 'button', 'Confirm changes to this item'),
  element('title', 'textbox', ''),
  element('tag', 'textbox', 'tag name'),
];
const added = new Set(editor.map((entry) => entry.id));

/** Marks handed out in turn, as the explorer's own random ones would be. */
function marks(...given: string[]): () => string {
  const queue = given.length > 0 ? [...given] : ['qzkwxj', 'bhtrel'];
  return () => queue.shift() ?? 'zzzzzz';
}

describe('typing into an editor a state opened, then committing', () => {
  it('fills the first text box and clicks the commit control, never the destructive one', () => {
    expect(commitPlans(context(editor), added, marks())).toEqual([
      {
        setup: [{ kind: 'fill', target: 'title', value: 'test-qzkwxj', mark: 'qzkwxj' }],
        action: { kind: 'click', target: 'confirm' },
        restore: [],
      },
    ]);
  });

  it("in a form, fills its required name and other required fields and clicks the form's own submit", () => {
    // A modal dialog hid the page behind it: the page's "Add filter" reads as added too.
    const dialog = [
      element('filter', 'button', 'Add filter'),
      element('search', 'textbox', 'Filter'),
      element('description', 'textbox', 'Description (optional)'),
      element('name', 'textbox', 'Item name', { constraints: { required: true } }),
      element('owner', 'textbox', 'Owner e-mail', { inputType: 'email', constraints: { required: true } }),
      element('cancel', 'button', 'Cancel'),
      element('create', 'button', 'Create item'),
    ];
    const inDialog = ['description', 'name', 'owner', 'cancel', 'create'];
    const facts = new Map(
      dialog.map((entry) => [
        entry.id,
        {
          placeholder: '',
          readOnly: false,
          formKey: inDialog.includes(entry.id) ? 'form-1' : undefined,
          submits: entry.id === 'create',
        } as ElementFacts,
      ]),
    );
    const plans = commitPlans(
      { elements: dialog, facts, allowDestructive: true, postingForms: new Set() },
      new Set(dialog.map((entry) => entry.id)),
      marks(),
    );
    expect(plans[0]).toEqual({
      setup: [
        { kind: 'fill', target: 'name', value: 'test-qzkwxj', mark: 'qzkwxj' },
        { kind: 'fill', target: 'owner', value: 'test@example.com' },
      ],
      action: { kind: 'click', target: 'create' },
      restore: [],
    });
  });

  it('only acts on what the state added', () => {
    expect(commitPlans(context(editor), new Set(['title', 'tag']))).toEqual([]);
  });

  it('skips read-only boxes, and plans nothing without a commit control', () => {
    const plans = commitPlans(context(editor, ['title']), added, marks());
    expect(plans[0]!.setup).toEqual([{ kind: 'fill', target: 'tag', value: 'test-qzkwxj', mark: 'qzkwxj' }]);
    const noCommit = editor.filter((entry) => entry.id !== 'confirm');
    expect(commitPlans(context(noCommit), added)).toEqual([]);
  });

  it('takes "Save", "OK", "Done" and "Add" as commits, not words that only contain them', () => {
    for (const name of ['Save', 'ok', 'Done', 'Add item']) {
      const plans = commitPlans(
        context([element('box', 'textbox', 'Name'), element('go', 'button', name)]),
        new Set(['box', 'go']),
      );
      expect(plans, name).toHaveLength(1);
    }
    const lookalike = [element('box', 'textbox', 'Name'), element('go', 'button', 'Bookmark')];
    expect(commitPlans(context(lookalike), new Set(['box', 'go']))).toEqual([]);
  });

  it('marks what it types with letters of its own, so each create is new to the app', () => {
    const [first] = commitPlans(context(editor), added);
    const [second] = commitPlans(context(editor), added);
    const fill = (plan: typeof first) => plan!.setup[0] as { value: string; mark: string };
    expect(fill(first).mark).toMatch(/^[a-z]{6}$/);
    expect(fill(first).value).toBe(`test-${fill(first).mark}`);
    expect(fill(second).mark).not.toBe(fill(first).mark);
  });

  it('joins the mark with a hyphen, which a name that becomes a key or a URL segment accepts', () => {
    const [plan] = commitPlans(context(editor), added);
    const { value } = plan!.setup[0] as { value: string };
    expect(value).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(encodeURIComponent(value)).toBe(value);
  });

  it('types no mark where the box has no room for it', () => {
    const short = editor.map((entry) =>
      entry.id === 'title' ? { ...entry, constraints: { maxLength: 8 } } : entry,
    );
    expect(commitPlans(context(short), added, marks())[0]!.setup).toEqual([
      { kind: 'fill', target: 'title', value: 'test' },
    ]);
  });

  it('then searches for what it typed, where the page has a search box', () => {
    const search = element('search', 'searchbox', 'Search');
    const plans = commitPlans(context([...editor, search]), added, marks());
    // A create of its own, with other letters than the first plan's item.
    expect(plans[1]).toEqual({
      setup: [
        { kind: 'fill', target: 'title', value: 'test-bhtrel', mark: 'bhtrel' },
        { kind: 'click', target: 'confirm' },
      ],
      action: { kind: 'fill', target: 'search', value: 'test-bhtrel', mark: 'bhtrel' },
      restore: [],
    });
    const inLandmark = element('find', 'textbox', 'Find', { region: 'search' });
    expect(commitPlans(context([...editor, inLandmark]), added, marks())[1]?.action.target).toBe('find');
  });

  it('searches for nothing it could not mark, nor with a hidden search box', () => {
    const short = editor.map((entry) =>
      entry.id === 'title' ? { ...entry, constraints: { maxLength: 8 } } : entry,
    );
    const search = element('search', 'searchbox', 'Search');
    expect(commitPlans(context([...short, search]), added)).toHaveLength(1);
    const hidden = { ...search, visible: false };
    expect(commitPlans(context([...editor, hidden]), added)).toHaveLength(1);
  });
});
