import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/adapters/console/render.ts';

describe('renderReply with files', () => {
  it('prints an attached file between markers, with plain newlines', () => {
    const text = renderReply({
      kind: 'result',
      locale: 'en',
      title: 'Copy export',
      files: [{ filename: 'copy-amazon-us-en.csv', mimeType: 'text/csv', content: 'item_sku,item_name\r\nWB-500,"Bottle, 500 ml"\r\n' }],
      actions: [{ id: 'x', label: 'Again', command: '/copy export' }],
    });
    expect(text).toBe(
      ['Copy export', '', '── copy-amazon-us-en.csv (text/csv) ──', 'item_sku,item_name', 'WB-500,"Bottle, 500 ml"', '── end of copy-amazon-us-en.csv ──', '', '  [1] Again   /copy export'].join('\n'),
    );
  });
});
