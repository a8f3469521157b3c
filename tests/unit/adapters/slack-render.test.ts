/**
 * The Block Kit renderer stays within every Slack limit (PLATFORMS.md) for the largest replies we
 * can produce, cuts long tables with "…and N more" without losing count, escapes what users
 * typed, and its buttons come back as the same typed commands.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatAction, Reply, ReplyTable } from '../../../src/core/reply.ts';
import { decodeClick, type BlockActionsBody } from '../../../src/adapters/slack/inbound.ts';
import { renderMarkdownChunks, renderMessage, SLACK_LIMITS, type SlackMessage } from '../../../src/adapters/slack/render.ts';

type AnyBlock = Record<string, unknown> & { type: string };

/** Asserts every Slack limit on a rendered message; returns its blocks for further checks. */
export function expectWithinSlackLimits(message: SlackMessage): AnyBlock[] {
  const blocks = message.blocks as unknown as AnyBlock[];
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  let chars = 0;
  for (const block of blocks) {
    if (block.type === 'header') {
      const text = (block.text as { text: string }).text;
      expect(text.length).toBeLessThanOrEqual(150);
      chars += text.length;
    }
    if (block.type === 'section') {
      const text = block.text as { text: string } | undefined;
      if (text) {
        expect(text.text.length).toBeLessThanOrEqual(3000);
        chars += text.text.length;
      }
      const fields = (block.fields as Array<{ text: string }> | undefined) ?? [];
      expect(fields.length).toBeLessThanOrEqual(10);
      for (const f of fields) {
        expect(f.text.length).toBeLessThanOrEqual(2000);
        chars += f.text.length;
      }
      expect(text !== undefined || fields.length > 0).toBe(true);
    }
    if (block.type === 'context') {
      const elements = block.elements as Array<{ text: string }>;
      expect(elements.length).toBeLessThanOrEqual(10);
      for (const e of elements) expect(e.text.length).toBeLessThanOrEqual(2000);
    }
    if (block.type === 'actions') {
      const elements = block.elements as Array<{ text: { text: string }; value: string; action_id: string }>;
      expect(elements.length).toBeGreaterThan(0);
      expect(elements.length).toBeLessThanOrEqual(25);
      for (const b of elements) {
        expect(b.text.text.length).toBeLessThanOrEqual(75);
        expect(b.value.length).toBeLessThanOrEqual(2000);
        expect(b.action_id.length).toBeLessThanOrEqual(255);
      }
      expect(new Set(elements.map((b) => b.action_id)).size).toBe(elements.length);
    }
  }
  // Slack starts refusing messages with msg_blocks_too_long at about 13k characters.
  expect(chars).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
  expect(JSON.stringify(blocks).length).toBeLessThan(40_000);
  return blocks;
}

function sectionTexts(blocks: AnyBlock[]): string[] {
  return blocks.filter((b) => b.type === 'section' && b.text).map((b) => (b.text as { text: string }).text);
}

/** Rows shown in the code blocks of a table, and the "…and N more" count. */
function countRows(blocks: AnyBlock[], firstColumnPrefix: string): { shown: number; more: number } {
  const lines = sectionTexts(blocks).filter((t) => t.startsWith('```')).flatMap((t) => t.split('\n'));
  const shown = lines.filter((l) => l.startsWith(firstColumnPrefix)).length;
  const more = lines.map((l) => /…and ([\d,]+) more/.exec(l)?.[1]).filter(Boolean).map((n) => Number(String(n).replace(/,/g, '')));
  return { shown, more: more.reduce((a, b) => a + b, 0) };
}

function bigTable(rows: number, prefix: string, title?: string): ReplyTable {
  return {
    ...(title ? { title } : {}),
    columns: [
      { key: 'sku', label: 'SKU' },
      { key: 'platform', label: 'Platform' },
      { key: 'name', label: 'Product' },
      { key: 'units', label: 'Units', align: 'right' },
      { key: 'cover', label: 'Cover', align: 'right' },
      { key: 'stockout', label: 'Stock-out' },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({
      sku: `${prefix}-${String(i).padStart(4, '0')}`,
      platform: ['amazon-us', 'amazon-de', 'aliexpress', 'shopee-my', 'tiktok-us', 'shopify'][i % 6] as string,
      name: i % 3 === 0 ? '竹制牙刷 四支装 · Bamboo toothbrush 4-pack' : 'Insulated water bottle 500 ml <eco> & co',
      units: (i * 37).toLocaleString('en-US'),
      cover: `${i % 90} d`,
      stockout: '2026-12-23',
    })),
  };
}

const actions = (n: number, labelLength = 30): ChatAction[] =>
  Array.from({ length: n }, (_, i) => ({ id: `a${i}`, label: `${'Approve budget change '.repeat(5)}`.slice(0, labelLength) + i, command: `/budget approve BR-${i}`, style: 'primary' as const }));

describe('renderMessage: the largest replies', () => {
  it('keeps a 2,000-row report with 40 fields, 30 notes and 40 buttons within every limit', () => {
    const reply: Reply = {
      kind: 'result',
      locale: 'en',
      title: 'Stock-out risk across every platform · '.repeat(10),
      summary: 'A very long summary line that goes on. '.repeat(400),
      fields: Array.from({ length: 40 }, (_, i) => ({ label: `Field ${i}`, value: 'x'.repeat(2500) })),
      tables: [bigTable(2000, 'AA', 'By SKU'), bigTable(500, 'BB', 'By platform'), bigTable(300, 'CC')],
      notes: Array.from({ length: 30 }, (_, i) => `Warning ${i}: WB-500 runs out on amazon-us before the inbound lands & more <details>.`),
      actions: actions(40, 120),
    };
    const blocks = expectWithinSlackLimits(renderMessage(reply));
    expect(blocks[0]?.type).toBe('header');
    expect(blocks.at(-1)?.type).toBe('actions');
    // What did not fit is said, not silently dropped.
    expect(JSON.stringify(blocks)).toMatch(/…and [\d,]+ more|more parts not shown/);
  });

  it('splits a long table over several code blocks and counts every row it leaves out', () => {
    const rows = 400;
    const reply: Reply = { kind: 'result', locale: 'en', title: 'Stock-out risk', tables: [bigTable(rows, 'ZZ')] };
    const blocks = expectWithinSlackLimits(renderMessage(reply));
    const codeBlocks = sectionTexts(blocks).filter((t) => t.startsWith('```'));
    expect(codeBlocks.length).toBeGreaterThan(1);
    for (const block of codeBlocks) expect(block.split('\n')[1]).toMatch(/^SKU\s+Platform/); // header repeated
    const { shown, more } = countRows(blocks, 'ZZ-');
    expect(shown).toBeGreaterThan(50);
    expect(shown + more).toBe(rows);
  });

  it('shows a table that fits in full, aligned, with no "more" line', () => {
    const reply: Reply = { kind: 'result', locale: 'en', tables: [bigTable(12, 'SM')] };
    const blocks = expectWithinSlackLimits(renderMessage(reply));
    expect(countRows(blocks, 'SM-')).toEqual({ shown: 12, more: 0 });
  });

  it('holds for any reply (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '*', '库', '存', '😀', '\n', '0', '·'), maxLength: 4000 });
    const reply = fc.record({
      kind: fc.constantFrom('result', 'help', 'error', 'denied'),
      locale: fc.constantFrom('en', 'zh'),
      title: fc.option(text, { nil: undefined }),
      summary: fc.option(text, { nil: undefined }),
      fields: fc.array(fc.record({ label: text, value: text }), { maxLength: 30 }),
      tables: fc.array(
        fc.integer({ min: 0, max: 800 }).map((n) => bigTable(n, 'PP')),
        { maxLength: 4 },
      ),
      notes: fc.array(text, { maxLength: 12 }),
      actions: fc.array(fc.record({ id: fc.string({ maxLength: 300 }), label: text, command: text.map((t) => `/x ${t}`) }), { maxLength: 40 }),
    });
    fc.assert(
      fc.property(reply, fc.boolean(), (r, withFeedback) => {
        const message = renderMessage(r as Reply, withFeedback ? { feedback: { useful: '/rate useful', notUseful: '/rate not-useful' }, pressedBy: { label: 'Approve', userId: 'U1', at: new Date(0) } } : {});
        expectWithinSlackLimits(message);
      }),
      { numRuns: 60 },
    );
  });
});

describe('renderMessage: details', () => {
  it('escapes what users and data typed, so it can never become a mention or a link', () => {
    const reply: Reply = { kind: 'result', locale: 'en', summary: 'Ask <!channel> & <@U123> about <https://evil.example|this>', fields: [{ label: 'A&B', value: '<x>' }] };
    const json = JSON.stringify(renderMessage(reply).blocks);
    expect(json).toContain('Ask &lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('*A&amp;B*\\n&lt;x&gt;');
  });

  it('marks errors and refusals in the header', () => {
    expect(JSON.stringify(renderMessage({ kind: 'denied', locale: 'en', title: 'Sorry', summary: 'no' }).blocks[0])).toContain('⛔ Sorry');
    expect(JSON.stringify(renderMessage({ kind: 'error', locale: 'zh', title: '抱歉', summary: '不行' }).blocks[0])).toContain('⚠️ 抱歉');
  });

  it('drops the buttons and says who pressed what after a click', () => {
    const reply: Reply = { kind: 'result', locale: 'zh', title: '已批准', actions: actions(2) };
    const blocks = renderMessage(reply, { actions: false, pressedBy: { label: 'Approve', userId: 'U0ALICE01', at: new Date('2026-11-20T10:00:00Z') } }).blocks as unknown as AnyBlock[];
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    const unix = Date.parse('2026-11-20T10:00:00Z') / 1000;
    // Slack shows the time in each reader's own timezone; the fallback is UTC.
    expect(JSON.stringify(blocks.at(-1))).toContain(`Approve · 由 <@U0ALICE01> 点击 · <!date^${unix}^{date_short_pretty} {time}|2026-11-20 10:00 UTC>`);
  });

  it('renders buttons that come back from Slack as the same typed commands', () => {
    const original: ChatAction[] = [
      { id: 'stock:WB-500:amazon-us', label: 'WB-500 · amazon-us', command: '/stock WB-500 amazon-us' },
      { id: 'approve', label: 'Approve', command: '/budget approve BR-12', style: 'primary' },
    ];
    const blocks = renderMessage({ kind: 'result', locale: 'en', actions: original }).blocks as unknown as AnyBlock[];
    const elements = (blocks.find((b) => b.type === 'actions')?.elements ?? []) as Array<{ action_id: string; value: string; text: { text: string }; style?: string }>;
    expect(elements[1]?.style).toBe('primary');
    const back = elements.map((e) => {
      const body = { type: 'block_actions', trigger_id: 't', user: { id: 'U1' }, actions: [{ type: 'button', action_id: e.action_id, value: e.value, text: { text: e.text.text } }] } as BlockActionsBody;
      const click = decodeClick(body);
      return click.kind === 'button' ? click.action : null;
    });
    expect(back).toEqual(original.map(({ style: _style, ...rest }) => rest));
  });

  it('gives the same content as Markdown chunks for streaming', () => {
    const reply: Reply = { kind: 'result', locale: 'en', title: 'Stock · WB-500', summary: 'Available 1,057', tables: [bigTable(3, 'MD', 'By platform')], notes: ['runs out soon'], actions: actions(1) };
    const markdown = renderMarkdownChunks(reply).join('');
    expect(markdown).toMatch(/^\*\*Stock · WB-500\*\*\n\nAvailable 1,057\n\n\*\*By platform\*\*\n\n```\nSKU/);
    expect(markdown).toContain('MD-0002');
    expect(markdown).toContain('- runs out soon');
    expect(markdown).not.toContain('/budget approve'); // buttons are blocks, not text
  });
});
