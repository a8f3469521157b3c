/**
 * Every reply the product gives, and replies far larger than it gives today, rendered as Discord
 * messages within every limit Discord sets (PLATFORMS.md). The realistic replies come from the
 * real pipeline on the seeded demo database: every read example of every registered tool, as an
 * admin, in English and in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { Pipeline } from '../../../src/bot/pipeline.ts';
import { createRegistry } from '../../../src/core/tools/index.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { createLogger } from '../../../src/logging.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { ButtonIds } from '../../../src/adapters/discord/button-ids.ts';
import { disableRows, DISCORD_LIMITS, embedChars, renderMessage, type DiscordMessage } from '../../../src/adapters/discord/render.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';

const ERIN = '123450000000000005';

let db: Db;
let dispose: () => Promise<void>;
let pipeline: Pipeline;
let buttons: ButtonIds;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  await db.teamMember.update({ where: { handle: 'erin' }, data: { discordUserId: ERIN } });
  const now = new Date(demo.referenceDate.getTime() + 12 * 3_600_000);
  pipeline = new Pipeline({ db, registry: createRegistry(), logger: createLogger({ level: 'silent' }), now: () => now });
  buttons = new ButtonIds(db, () => now);
});

afterAll(async () => {
  await dispose?.();
});

/** Every limit of one message; returns the problems found (none is a pass). */
function limitProblems(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(message.content.length <= DISCORD_LIMITS.content, `content ${message.content.length}`);
  check(message.embeds.length >= 1 && message.embeds.length <= DISCORD_LIMITS.embeds, `embeds ${message.embeds.length}`);
  for (const embed of message.embeds) {
    check((embed.title?.length ?? 0) <= DISCORD_LIMITS.embedTitle, `title ${embed.title?.length}`);
    check((embed.description?.length ?? 0) <= DISCORD_LIMITS.embedDescription, `description ${embed.description?.length}`);
    check(Boolean(embed.title || embed.description || embed.fields?.length), 'empty embed');
    check((embed.fields?.length ?? 0) <= DISCORD_LIMITS.embedFields, `fields ${embed.fields?.length}`);
    for (const field of embed.fields ?? []) {
      check(field.name.length >= 1 && field.name.length <= DISCORD_LIMITS.fieldName, `field name ${field.name.length}`);
      check(field.value.length >= 1 && field.value.length <= DISCORD_LIMITS.fieldValue, `field value ${field.value.length}`);
    }
    check((embed.footer?.text.length ?? 0) <= DISCORD_LIMITS.embedFooter, 'footer');
    check(((embed.description ?? '').match(/```/g) ?? []).length % 2 === 0, 'unbalanced code fence');
  }
  check(embedChars(message.embeds) <= DISCORD_LIMITS.embedTotal, `embed total ${embedChars(message.embeds)}`);
  check(message.components.length <= DISCORD_LIMITS.actionRows, `rows ${message.components.length}`);
  const ids = new Set<string>();
  for (const row of message.components) {
    check(row.components.length >= 1 && row.components.length <= DISCORD_LIMITS.buttonsPerRow, `row of ${row.components.length}`);
    for (const button of row.components) {
      const label = 'label' in button ? (button.label ?? '') : '';
      check(label.length >= 1 && label.length <= DISCORD_LIMITS.buttonLabel, `label ${label.length}`);
      const id = 'custom_id' in button ? button.custom_id : '';
      check(id.length >= 1 && id.length <= DISCORD_LIMITS.customId, `custom_id ${id.length}`);
      check(!ids.has(id), `duplicate custom_id ${id}`);
      ids.add(id);
    }
  }
  check(JSON.stringify(message.allowed_mentions) === '{"parse":[]}', 'mentions allowed');
  return problems;
}

async function render(reply: Reply): Promise<DiscordMessage> {
  return renderMessage(reply, { customIds: await buttons.encode(reply.actions ?? []) });
}

function description(message: DiscordMessage): string {
  return (message.embeds[0] as APIEmbed).description ?? '';
}

describe('realistic replies', () => {
  it.each(['en-US', 'zh-CN'])('renders every read example of every tool, as an admin (%s), within the limits', async (localeHint) => {
    const registry = pipeline.registry;
    const examples = registry.all().filter((t) => t.effect === 'read').flatMap((t) => t.examples);
    expect(examples).toContain('/stock WB-500');
    // The largest ones too: everything help lists, an ambiguous product name, the whole team.
    const texts = [...examples, '/help', '/stock bottle', '/stock b', '/team'];
    let rendered = 0;
    for (const text of texts) {
      const outcome = await pipeline.handle({ via: 'discord', user: { platformUserId: ERIN }, channelId: '1', text, localeHint });
      const message = await render(outcome.reply);
      expect(limitProblems(message), `${localeHint} ${text}`).toEqual([]);
      // After a press: the same reply with who pressed and the pressed rows, disabled.
      const pressed = renderMessage({ ...outcome.reply, actions: [] }, { pressedBy: { label: 'Approve', userId: ERIN, at: new Date() }, pressedRows: disableRows(message.components), pressedCustomId: 'ops:0:/x' });
      expect(limitProblems(pressed), `${localeHint} ${text} (pressed)`).toEqual([]);
      rendered += 1;
    }
    expect(rendered).toBe(texts.length);
  });

  it('shows /stock WB-500’s tables whole, as aligned code blocks', async () => {
    const outcome = await pipeline.handle({ via: 'discord', user: { platformUserId: ERIN }, channelId: '1', text: '/stock WB-500' });
    const text = description(await render(outcome.reply));
    for (const table of outcome.reply.tables ?? []) {
      expect(text).toContain(`**${table.title}**\n\`\`\``);
      for (const row of table.rows) expect(text).toContain(Object.values(row)[0]);
    }
    expect(text).not.toContain('…and');
  });
});

describe('replies larger than any today', () => {
  const cell = (i: number, j: number) => `${j === 0 ? '保温水瓶' : 'cell'}-${i}-${j}-${'x'.repeat(44)}`;
  const table = (rows: number, title = 'Big table') => ({
    title,
    columns: Array.from({ length: 6 }, (_, j) => ({ key: `c${j}`, label: `Column ${j}`, align: j > 0 ? ('right' as const) : ('left' as const) })),
    rows: Array.from({ length: rows }, (_, i) => Object.fromEntries(Array.from({ length: 6 }, (_, j) => [`c${j}`, cell(i, j)]))),
  });

  it('cuts a 2,000-row table with "…and N more", N being exactly the rows not shown', async () => {
    const message = await render({ kind: 'result', locale: 'en', title: 'Stock', summary: 'Everything', tables: [table(2000)] });
    expect(limitProblems(message)).toEqual([]);
    const text = description(message);
    const shown = text.split('\n').filter((l) => l.startsWith('保温水瓶-')).length;
    const more = Number(/…and (\d+) more/.exec(text)?.[1]);
    expect(shown).toBeGreaterThan(5);
    expect(shown + more).toBe(2000);
  });

  it('keeps every table of a reply at least named, with its count, when they do not all fit', async () => {
    const message = await render({ kind: 'result', locale: 'zh', title: '库存', tables: [table(400, 'One'), table(400, 'Two'), table(400, 'Three')] });
    expect(limitProblems(message)).toEqual([]);
    const text = description(message);
    for (const title of ['One', 'Two', 'Three']) expect(text).toContain(`**${title}**`);
    expect(text).toContain('……还有');
  });

  it('fits 60 long fields, a huge summary, 100 notes, a long title and 40 buttons with long commands', async () => {
    const reply: Reply = {
      kind: 'result',
      locale: 'en',
      title: 'T'.repeat(1000),
      summary: 'S'.repeat(20_000),
      fields: Array.from({ length: 60 }, (_, i) => ({ label: `Field ${i} ${'L'.repeat(300)}`, value: 'V'.repeat(3000) })),
      tables: [table(300)],
      notes: Array.from({ length: 100 }, (_, i) => `note ${i} ${'n'.repeat(500)}`),
      actions: Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, label: `Button ${i} ${'b'.repeat(200)}`, command: `/stock WB-500 ${'x'.repeat(150 + i)}` })),
    };
    const message = await render(reply);
    expect(limitProblems(message)).toEqual([]);
    const fields = message.embeds[0]?.fields ?? [];
    expect(fields.at(-1)?.value).toMatch(/^…and \d+ more$/);
    expect(message.components.flatMap((r) => r.components)).toHaveLength(25);
    // The long commands went to the database; each id names its button's command.
    const first = message.components[0]?.components[0];
    expect(first && 'custom_id' in first ? await buttons.decode(first.custom_id) : null).toBe(reply.actions?.[0]?.command);
  });

  it('escapes Markdown and pings nobody, whatever the data says', async () => {
    const message = await render({ kind: 'result', locale: 'en', summary: '**not bold** @everyone <@123456789012345678>', notes: ['`tick` ~~strike~~'] });
    expect(limitProblems(message)).toEqual([]);
    expect(description(message)).toContain('\\*\\*not bold\\*\\*');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('never sends an empty embed', async () => {
    expect(limitProblems(await render({ kind: 'result', locale: 'en' }))).toEqual([]);
  });
});
