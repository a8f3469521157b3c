/**
 * Reply → a Discord message within every limit Discord sets (PLATFORMS.md): content ≤ 2000; one
 * embed with title ≤ 256, description ≤ 4096, ≤ 25 fields (name ≤ 256, value ≤ 1024) and 6000
 * characters in all; ≤ 5 action rows of ≤ 5 buttons, labels ≤ 80, custom_id ≤ 100. Tables are
 * monospace code blocks in the description, cut with "…and N more" when they would not fit.
 * Text we did not write is escaped as Markdown, and no message may ping anyone.
 */
import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  time,
  TimestampStyles,
  userMention,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import stringWidth from 'string-width';
import { translator, type Translate } from '../../core/i18n/index.ts';
import type { ChatAction, Reply, ReplyField, ReplyTable } from '../../core/reply.ts';

/** Discord's limits for one message, and our own for table cells. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedFooter: 2048,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  /** Widest table cell we print; wider ones are cut so tables stay readable on a phone. */
  cellChars: 40,
} as const;

/** One row of buttons. */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A message body for an interaction response, a webhook edit or a channel message. */
export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  /** Nobody is pinged by what we post, whatever the text contains. */
  allowed_mentions: { parse: []; replied_user?: boolean };
  /** 64 = ephemeral (interaction responses only). */
  flags?: number;
}

/** Who pressed which button, shown above an updated message. */
export interface PressedBy {
  label: string;
  userId: string;
  at: Date;
}

/** How to render. */
export interface RenderOptions {
  /** The custom_id of each of the reply's actions, in order (see button-ids.ts). */
  customIds?: readonly string[];
  /** After a button press: who did it, shown as the message's content. */
  pressedBy?: PressedBy;
  /** After a button press whose outcome offers no buttons: the pressed message's rows, shown disabled. */
  pressedRows?: readonly ActionRow[];
  /** The custom_id that was pressed, marked green among the disabled buttons. */
  pressedCustomId?: string;
}

const COLORS: Record<Reply['kind'], number> = { result: 0x5865f2, help: 0x57f287, error: 0xed4245, denied: 0xfee75c };
const TITLE_MARK: Record<Reply['kind'], string> = { result: '', help: '', error: '⚠️ ', denied: '⛔ ' };
const STYLE: Record<NonNullable<ChatAction['style']> | 'default', ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
  default: ButtonStyle.Secondary,
};
/** Most of the summary and notes we show before cutting; tables get the rest of the description. */
const SUMMARY_CHARS = 1500;
const NOTES_CHARS = 1200;
const SEPARATOR = '\n\n';

/** Cuts `text` to `max` characters, ending in "…" when cut (never inside a surrogate pair or after a lone escape). */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  let head = text.slice(0, end);
  // A trailing backslash from escapeMarkdown would escape the ellipsis.
  if (/(^|[^\\])(\\\\)*\\$/.test(head)) head = head.slice(0, -1);
  return `${head}…`;
}

/** Text we did not write, safe to put in Markdown. */
function md(text: string): string {
  return escapeMarkdown(text);
}

/** `text` escaped and cut to `max`; cut first too, because escaping very long lines is slow. */
function mdCut(text: string, max: number): string {
  return cut(md(cut(text, max)), max);
}

/** The whole reply as a Discord message. */
export function renderMessage(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const t = translator(reply.locale);
  const embed: APIEmbed = { color: COLORS[reply.kind] };
  let used = 0;
  if (reply.title) {
    embed.title = cut(TITLE_MARK[reply.kind] + reply.title, DISCORD_LIMITS.embedTitle);
    used += embed.title.length;
  }

  const summary = reply.summary ? mdCut(reply.summary, SUMMARY_CHARS) : '';
  const notes = reply.notes && reply.notes.length > 0 ? cut(reply.notes.map((n) => `• ${mdCut(n, NOTES_CHARS)}`).join('\n'), NOTES_CHARS) : '';
  const wantsDescription = summary !== '' || notes !== '' || (reply.tables ?? []).length > 0;
  // Fields may take what the description leaves, but never crowd it out.
  const fieldBudget = DISCORD_LIMITS.embedTotal - used - (wantsDescription ? Math.min(DISCORD_LIMITS.embedDescription, 2500) : 0);
  const fields = renderFields(reply.fields ?? [], fieldBudget, t);
  if (fields.length > 0) embed.fields = fields;
  used += fields.reduce((n, f) => n + f.name.length + f.value.length, 0);

  const descriptionBudget = Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - used);
  const description = composeDescription(summary, reply.tables ?? [], notes, descriptionBudget, t);
  if (description !== '') embed.description = description;
  // An embed needs something in it; a reply of only buttons gets an ellipsis.
  if (!embed.title && !embed.description && !embed.fields) embed.description = '…';

  const message: DiscordMessage = {
    content: options.pressedBy ? pressedLine(options.pressedBy, t) : '',
    embeds: [embed],
    components: [],
    allowed_mentions: { parse: [] },
  };
  const actions = reply.actions ?? [];
  if (actions.length > 0 && options.customIds) message.components = buttonRows(actions, options.customIds);
  else if (options.pressedRows) message.components = disableRows(options.pressedRows, options.pressedCustomId);
  return message;
}

/** "✅ Approve · pressed by @alice · <time>", the content of a message updated by a button press. */
function pressedLine(pressed: PressedBy, t: Translate): string {
  const line = t('discord.pressedBy', {
    label: `**${md(cut(pressed.label, DISCORD_LIMITS.buttonLabel))}**`,
    user: userMention(pressed.userId),
    time: time(Math.floor(pressed.at.getTime() / 1000), TimestampStyles.ShortDateTime),
  });
  return cut(`✅ ${line}`, DISCORD_LIMITS.content);
}

function renderFields(fields: readonly ReplyField[], budget: number, t: Translate): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  let used = 0;
  for (const [i, field] of fields.entries()) {
    const name = mdCut(field.label, DISCORD_LIMITS.fieldName) || '\u200b';
    const value = mdCut(field.value, DISCORD_LIMITS.fieldValue) || '—';
    const left = fields.length - i;
    const more = { name: '\u200b', value: t('value.moreRows', { n: left }) };
    const roomForMore = more.name.length + more.value.length + 20;
    const last = out.length === DISCORD_LIMITS.embedFields - 1 && left > 1;
    if (last || used + name.length + value.length > budget - (left > 1 ? roomForMore : 0)) {
      if (used + more.name.length + more.value.length <= budget) out.push(more);
      break;
    }
    out.push({ name, value, inline: value.length <= 40 && !value.includes('\n') && name.length <= 30 });
    used += name.length + value.length;
  }
  return out;
}

/** Summary, tables and notes, within `budget` characters; tables lose rows first. */
function composeDescription(summary: string, tables: readonly ReplyTable[], notes: string, budget: number, t: Translate): string {
  const fixed = [summary, notes].filter((s) => s !== '');
  let fixedLength = fixed.reduce((n, s) => n + s.length, 0) + SEPARATOR.length * Math.max(0, fixed.length - 1);
  let notesShown = notes;
  let summaryShown = summary;
  // Tiny budgets (a message crowded by fields): shorten the words, too.
  if (fixedLength > budget) {
    notesShown = '';
    summaryShown = cut(summary, Math.max(0, budget));
    fixedLength = summaryShown.length;
  }
  const blocks: string[] = [];
  let left = budget - fixedLength;
  for (const [i, table] of tables.entries()) {
    // Keep room for the later tables to say at least how many rows they have.
    const reserve = tables.slice(i + 1).reduce((n, later) => n + minimalTable(later, t).length + SEPARATOR.length, 0);
    const block = fitTable(table, left - SEPARATOR.length - reserve, t);
    if (block === '') continue;
    blocks.push(block);
    left -= block.length + SEPARATOR.length;
  }
  return [summaryShown, ...blocks, notesShown].filter((s) => s !== '').join(SEPARATOR);
}

function minimalTable(table: ReplyTable, t: Translate): string {
  const more = t('value.moreRows', { n: table.rows.length });
  return table.title ? `**${md(cut(table.title, 200))}** ${more}` : more;
}

/** A table as a titled code block of at most `budget` characters ('' when not even its title fits). */
function fitTable(table: ReplyTable, budget: number, t: Translate): string {
  const title = table.title ? `**${md(cut(table.title, 200))}**\n` : '';
  // Lay out only the rows that could fit: a row's line is at least as long as its cells.
  let candidates = 0;
  for (let room = budget; candidates < table.rows.length && room > 0; candidates += 1) {
    const row = table.rows[candidates] as Record<string, string>;
    room -= table.columns.reduce((n, c) => n + cleanCell(row[c.key] ?? '').length + 2, 0);
  }
  const lines = tableLines({ ...table, rows: table.rows.slice(0, candidates) });
  const header = lines.slice(0, 2);
  const rows = lines.slice(2);
  const total = table.rows.length;
  const block = (shown: number) => {
    const hidden = total - shown;
    return `${title}\`\`\`\n${[...header, ...rows.slice(0, shown), ...(hidden > 0 ? [t('value.moreRows', { n: hidden })] : [])].join('\n')}\n\`\`\``;
  };
  // The length with the first `shown` rows, from running sums (a big table is cut in one pass).
  const fixed = title.length + 4 + header.join('\n').length + 4;
  let shown = 0;
  let length = fixed;
  while (shown < rows.length) {
    const next = length + 1 + (rows[shown] as string).length;
    const hidden = total - shown - 1;
    const more = hidden > 0 ? 1 + t('value.moreRows', { n: hidden }).length : 0;
    if (next + more > budget) break;
    length = next;
    shown += 1;
  }
  const text = block(shown);
  if (text.length <= budget) return text;
  const minimal = minimalTable(table, t);
  return minimal.length <= budget ? minimal : '';
}

/** Aligned lines: header, rule, rows (CJK-aware widths). */
/** A cell as printed: one line, no code-fence breakers, at most `cellChars` long. */
function cleanCell(text: string): string {
  return cut(text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ').trim(), DISCORD_LIMITS.cellChars);
}

function tableLines(table: ReplyTable): string[] {
  const clean = cleanCell;
  const header = table.columns.map((c) => clean(c.label));
  const body = table.rows.map((row) => table.columns.map((c) => clean(row[c.key] ?? '')));
  const widths = table.columns.map((_, i) => Math.max(stringWidth(header[i] ?? ''), ...body.map((r) => stringWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const gap = ' '.repeat(Math.max(0, (widths[i] ?? 0) - stringWidth(cell)));
        return table.columns[i]?.align === 'right' ? gap + cell : cell + gap;
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...body.map(line)];
}

/** The reply's actions as rows of buttons: 5 per row, 5 rows at most. */
function buttonRows(actions: readonly ChatAction[], customIds: readonly string[]): ActionRow[] {
  const max = DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow;
  const buttons: APIButtonComponentWithCustomId[] = actions.slice(0, max).map((action, i) => ({
    type: ComponentType.Button,
    style: STYLE[action.style ?? 'default'],
    label: cut(action.label || action.command, DISCORD_LIMITS.buttonLabel),
    custom_id: customIds[i] ?? `ops:${i}:missing`,
  }));
  const rows: ActionRow[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** `rows` with every component disabled; the pressed button turns green. */
export function disableRows(rows: readonly ActionRow[], pressedCustomId?: string): ActionRow[] {
  return rows.slice(0, DISCORD_LIMITS.actionRows).map((row) => ({
    ...row,
    components: row.components.map((component) => {
      const pressed = pressedCustomId !== undefined && 'custom_id' in component && component.custom_id === pressedCustomId;
      return { ...component, disabled: true, ...(pressed && component.type === ComponentType.Button ? { style: ButtonStyle.Success } : {}) } as APIComponentInMessageActionRow;
    }),
  }));
}

/** Characters Discord counts against the 6000 total of one message's embeds. */
export function embedChars(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}
