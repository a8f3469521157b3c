import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { renderReply, renderTable } from '../../../src/adapters/console/render.ts';

describe('console renderer', () => {
  it('aligns columns, right-aligning numbers, with CJK text counted double-width', () => {
    const lines = renderTable({
      columns: [
        { key: 'name', label: '仓库' },
        { key: 'qty', label: 'Units', align: 'right' },
      ],
      rows: [
        { name: 'FBA-US', qty: '1,234' },
        { name: '深圳仓', qty: '5' },
      ],
    });
    expect(lines).toEqual(['仓库    Units', '──────  ─────', 'FBA-US  1,234', '深圳仓      5']);
    expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1);
  });

  it('numbers the buttons and prints their typed form', () => {
    const text = renderReply({
      kind: 'result',
      locale: 'en',
      title: 'Budget request BR-12',
      summary: '+500 for amazon-us ads',
      actions: [
        { id: 'a', label: 'Approve', command: '/budget approve BR-12', style: 'primary' },
        { id: 'r', label: 'Reject', command: '/budget reject BR-12', style: 'danger' },
      ],
    });
    expect(text).toContain('[1] Approve   /budget approve BR-12');
    expect(text).toContain('[2] Reject    /budget reject BR-12');
    expect(text.split('\n')[0]).toBe('Budget request BR-12');
  });

  it('marks errors and shows hints', () => {
    const text = renderReply({ kind: 'error', locale: 'en', title: 'Sorry', summary: 'No SKU matches “XX”.', notes: ['Did you mean one of these?'] });
    expect(text).toMatch(/^✖ Sorry\nNo SKU matches “XX”\./);
    expect(text).toContain('• Did you mean one of these?');
  });
});
