import { describe, expect, it } from 'vitest';
import { parseText, tokenize } from '../../../src/bot/command-grammar.ts';
import { createRegistry } from '../../../src/core/tools/index.ts';

const registry = createRegistry();

describe('tokenize', () => {
  it('splits on whitespace and keeps quoted words together', () => {
    expect(tokenize('  stock  "water bottle"  amazon-us ')).toEqual(['stock', 'water bottle', 'amazon-us']);
    expect(tokenize('“保温 水瓶” x')).toEqual(['保温 水瓶', 'x']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('parseText', () => {
  it('finds a command with or without the slash', () => {
    for (const text of ['/stock WB-500 amazon-us', 'stock WB-500 amazon-us', '/STOCK WB-500 amazon-us']) {
      const parsed = parseText(text, registry);
      expect(parsed.kind).toBe('command');
      if (parsed.kind === 'command') {
        expect(parsed.tool.name).toBe('stock');
        expect(parsed.args).toEqual(['WB-500', 'amazon-us']);
      }
    }
  });

  it('suggests the nearest command for a typo', () => {
    expect(parseText('/stok WB-500', registry)).toEqual({ kind: 'unknown-command', name: 'stok', suggestion: '/stock' });
    expect(parseText('/zzzzzzzz', registry)).toMatchObject({ kind: 'unknown-command', suggestion: null });
  });

  it('leaves a question that is not a command to the NL layer', () => {
    expect(parseText('how many bottles do we have?', registry)).toEqual({ kind: 'free-text', text: 'how many bottles do we have?' });
  });
});
