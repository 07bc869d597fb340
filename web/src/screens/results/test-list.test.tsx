import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-render.tsx';
import { sampleTests } from './test-fixtures.ts';
import { TestList } from './test-list.tsx';

// happy-dom lays nothing out: the scrolled list is given the size a browser would give it.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
  return () => vi.restoreAllMocks();
});

describe('TestList', () => {
  it('renders only the rows in view of ten thousand tests and filters by text', async () => {
    const tests = sampleTests(10_000);
    renderWithProviders(<TestList tests={tests} selected={undefined} onSelect={() => {}} />);
    expect(screen.getByText('10000 of 10000 tests')).toBeTruthy();
    expect(screen.getAllByRole('listitem').length).toBeLessThan(50);
    await userEvent.click(screen.getByLabelText('Search tests'));
    await userEvent.paste('case 9999');
    expect(await screen.findByText('1 of 10000 tests')).toBeTruthy();
    // Each row is named by its test's title alone: short and unique for screen readers and locators.
    expect(
      screen.getByRole('button', { name: 'DELETE /api/v1/disks/{disk_id} case 9999 rejects a missing name' }),
    ).toBeTruthy();
  });

  it("filters by priority and shows each test's priority", async () => {
    renderWithProviders(<TestList tests={sampleTests(8)} selected={undefined} onSelect={() => {}} />);
    await userEvent.click(screen.getByRole('combobox', { name: 'Priority' }));
    // happy-dom never ends Mantine's opening transition, so the open list still counts as hidden.
    await userEvent.click(await screen.findByRole('option', { name: 'Critical', hidden: true }));
    // Tests 0 and 4 are critical (priorities repeat every four tests).
    expect(await screen.findByText('2 of 8 tests')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((row) => row.textContent)).toEqual([
      expect.stringMatching(/case 0.*critical/),
      expect.stringMatching(/case 4.*critical/),
    ]);
  });

  it('hands the chosen test to its parent, and says when nothing matches', async () => {
    const onSelect = vi.fn();
    renderWithProviders(<TestList tests={sampleTests(3)} selected={undefined} onSelect={onSelect} />);
    await userEvent.click(screen.getByRole('button', { name: /case 1/ }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ key: 'test-1' }));
    await userEvent.type(screen.getByLabelText('Search tests'), 'nothing like this');
    expect(await screen.findByText('No test matches these filters')).toBeTruthy();
  });
});
