import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-render.tsx';
import { Heatmap } from './heatmap.tsx';

describe('Heatmap', () => {
  it('shows counts per cell, marks gaps and cells that do not apply', () => {
    const counts: Record<string, Record<string, number>> = { 'GET /vms': { '200': 3, '404': 0 } };
    renderWithProviders(
      <Heatmap
        caption="Operations × statuses"
        rows={['GET /vms']}
        columns={['200', '404', '500']}
        value={(row, column) => counts[row]?.[column]}
      />,
    );
    expect(screen.getByRole('table', { name: 'Operations × statuses' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '3' }).className).toContain('heatmap-4');
    expect(screen.getByRole('cell', { name: '0' }).className).toContain('heatmap-0');
    expect(screen.getByLabelText('not applicable')).toBeTruthy();
  });
});
