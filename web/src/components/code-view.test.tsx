import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-render.tsx';
import { CodeView, languageOf } from './code-view.tsx';

describe('CodeView', () => {
  it('highlights TypeScript into tokens with line numbers', () => {
    const { container } = renderWithProviders(
      <CodeView
        path="tests/vms.spec.ts"
        code={"import { test } from '@playwright/test';\ntest('a', () => {});\n"}
      />,
    );
    expect(screen.getByLabelText('Source of tests/vms.spec.ts')).toBeTruthy();
    expect(container.querySelector('.token.keyword')?.textContent).toBe('import');
    expect(container.querySelectorAll('.code-view-number')).toHaveLength(2);
  });

  it('picks the language from the extension', () => {
    expect(languageOf('test_a.py')).toBe('python');
    expect(languageOf('README')).toBe('plain');
  });
});
