/**
 * Reply → Block Kit, within every limit Slack sets (PLATFORMS.md): at most 50 blocks, section
 * text ≤ 3000, ≤ 10 fields of ≤ 2000, header ≤ 150, ≤ 25 buttons per actions block with labels
 * ≤ 75 and values ≤ 2000, and the whole message well under the ~13k characters where Slack
 * starts answering msg_blocks_too_long. Long tables are split into several code blocks, and cut
 * with "…and N more" when the message would grow past those limits. Every message carries a
 * plain-text fallback. The same layout also renders as Markdown for streamed answers.
 */
import type { types as Slack } from '@slack/bolt';
import stringWidth from 'string-width';
import { translator, type Translate } from '../../core/i18n/index.ts';
import type { ChatAction, Reply, ReplyField, ReplyTable } from '../../core/reply.ts';

type KnownBlock = Slack.KnownBlock;
type Button = Slack.Button;

/** Slack's limits, and our own budget for the whole message. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Characters of text across all blocks; Slack refuses some messages from about 13k. */
  messageChars: 12_000,
  /** The plain-text fallback. */
  fallbackText: 3000,
  /** Widest table cell we print; wider ones are cut so tables stay readable. */
  cellChars: 60,
} as const;

/** Prefix of every action_id we render; clicks on anything else are not ours. */
export const ACTION_PREFIX = 'ops:';
/** action_id of the feedback (useful / not useful) buttons. */
export const FEEDBACK_ACTION_ID = 'ops:feedback';

/** A message ready for chat.postMessage, chat.update or respond(). */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Who pressed which button, shown under an updated message. */
export interface PressedBy {
  label: string;
  userId: string;
  at: Date;
}

/** How to render. */
export interface RenderOptions {
  /** Render the reply's buttons (default true). */
  actions?: boolean;
  /** Adds "label · pressed by @user · time" under the message. */
  pressedBy?: PressedBy;
  /** Adds 👍 / 👎 feedback buttons whose values are these commands. */
  feedback?: { useful: string; notUseful: string };
}

/** mrkdwn control characters; everything we did not write ourselves goes through this. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts `text` to `max` characters, ending in "…" when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Don't split a surrogate pair (emoji, rare CJK) in half.
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

// ───────────────────────────── layout ─────────────────────────────

/** One block's worth of content, before it is written as Block Kit or Markdown. */
type Part =
  | { type: 'title'; text: string; kind: Reply['kind'] }
  | { type: 'paragraph'; text: string }
  | { type: 'fields'; fields: ReplyField[] }
  | { type: 'tableTitle'; text: string }
  | { type: 'code'; lines: string[] }
  | { type: 'notes'; items: string[] };

const CODE_FENCE = 8; // "```\n" + "\n```"

const TITLE_MARK: Record<Reply['kind'], string> = { result: '', help: '', error: '⚠️ ', denied: '⛔ ' };

/** The mrkdwn text a part becomes (what Slack counts against the limits). */
function partText(part: Part): string {
  switch (part.type) {
    case 'title':
      return TITLE_MARK[part.kind] + part.text;
    case 'paragraph':
      return escapeMrkdwn(part.text);
    case 'tableTitle':
      return `*${escapeMrkdwn(part.text)}*`;
    case 'fields':
      return part.fields.map(fieldText).join('');
    case 'code':
      return `\`\`\`\n${escapeMrkdwn(part.lines.join('\n'))}\n\`\`\``;
    case 'notes':
      return part.items.map((n) => `• ${escapeMrkdwn(n)}`).join('\n');
  }
}

function fieldText(field: ReplyField): string {
  return cut(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, SLACK_LIMITS.fieldText);
}

/** Splits text into paragraphs that each fit one section, on line breaks where possible. */
function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (escapeMrkdwn(candidate).length <= max) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    // A single line longer than a section: cut it (escaping can grow it, so leave room).
    current = escapeMrkdwn(line).length <= max ? line : cut(line, Math.floor(max / 5));
  }
  if (current) out.push(current);
  return out;
}

/** Pads to a display width, counting CJK characters as two columns like a terminal does. */
function pad(text: string, width: number, align: 'left' | 'right' | undefined): string {
  const gap = Math.max(0, width - stringWidth(text));
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

/** A table as aligned monospace lines: header, rule, rows. */
export function tableLines(table: ReplyTable): { head: string[]; rows: string[] } {
  const cells = table.rows.map((row) => table.columns.map((c) => cut(row[c.key] ?? '', SLACK_LIMITS.cellChars)));
  const labels = table.columns.map((c) => cut(c.label, SLACK_LIMITS.cellChars));
  const widths = table.columns.map((_, i) => Math.max(stringWidth(labels[i] ?? ''), ...cells.map((r) => stringWidth(r[i] ?? ''))));
  const line = (values: string[]) => values.map((v, i) => pad(v, widths[i] ?? 0, table.columns[i]?.align)).join('  ').trimEnd();
  return {
    head: [line(labels), widths.map((w) => '─'.repeat(w)).join('  ')],
    rows: cells.map(line),
  };
}

interface Budget {
  blocks: number;
  chars: number;
}

/**
 * Lays a reply out as parts within `budget`: title, summary and fields first, then the tables
 * (split into code blocks, cut with "…and N more" when the budget runs out), then the notes,
 * for which room is kept from the start because they carry the warnings.
 */
function layout(reply: Reply, t: Translate, budget: Budget): { parts: Part[]; dropped: number } {
  const parts: Part[] = [];
  let blocks = budget.blocks;
  let chars = budget.chars;
  let dropped = 0;
  const take = (part: Part): boolean => {
    const size = partText(part).length;
    if (blocks < 1 || size > chars) return false;
    parts.push(part);
    blocks -= 1;
    chars -= size;
    return true;
  };

  const noteParts: Part[] = splitText((reply.notes ?? []).join('\n'), SLACK_LIMITS.sectionText - 200)
    .map((chunk) => ({ type: 'notes' as const, items: chunk.split('\n') }));
  // Notes get at most two sections; the rest of the budget is for the body.
  const keptNotes = noteParts.slice(0, 2);
  const notesChars = keptNotes.reduce((n, p) => n + partText(p).length, 0);
  blocks -= keptNotes.length + 1; // one more for a possible "…and N more parts" line
  chars -= notesChars + 200;

  if (reply.title) take({ type: 'title', text: cut(reply.title, SLACK_LIMITS.header - 3), kind: reply.kind });
  for (const text of splitText(reply.summary ?? '', SLACK_LIMITS.sectionText)) if (!take({ type: 'paragraph', text })) dropped += 1;
  const fields = reply.fields ?? [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fields) {
    if (!take({ type: 'fields', fields: fields.slice(i, i + SLACK_LIMITS.fields) })) dropped += 1;
  }

  for (const table of reply.tables ?? []) {
    if (blocks < 1) {
      dropped += 1;
      continue;
    }
    if (table.title && !take({ type: 'tableTitle', text: cut(table.title, 200) })) {
      dropped += 1;
      continue;
    }
    const { head, rows } = tableLines(table);
    let chunk: string[] = [...head];
    let shown = 0;
    const sizeOf = (lines: string[]) => CODE_FENCE + escapeMrkdwn(lines.join('\n')).length;
    const moreLine = (n: number) => t('value.moreRows', { n });
    for (const row of rows) {
      const next = [...chunk, row];
      // Room for this row plus, should it be the last that fits, an "…and N more" line.
      const reserve = moreLine(rows.length).length + 1;
      if (sizeOf(next) + reserve <= Math.min(SLACK_LIMITS.sectionText, chars)) {
        chunk = next;
        shown += 1;
        continue;
      }
      // The chunk is full: start a new code block if the budget allows another one.
      const canOpenAnother = blocks >= 2 && chars - sizeOf(chunk) >= sizeOf([...head, row]) + reserve;
      if (chunk.length > head.length && canOpenAnother) {
        take({ type: 'code', lines: chunk });
        chunk = [...head, row];
        shown += 1;
        continue;
      }
      break;
    }
    if (shown < rows.length) chunk.push(moreLine(rows.length - shown));
    take({ type: 'code', lines: chunk });
  }

  // Give back what was kept for the notes, and add them.
  blocks += keptNotes.length + 1;
  chars += notesChars + 200;
  for (const note of keptNotes) take(note);
  dropped += noteParts.length - keptNotes.length;
  return { parts, dropped };
}

// ───────────────────────────── Block Kit ─────────────────────────────

function partBlock(part: Part): KnownBlock {
  if (part.type === 'title') {
    return { type: 'header', text: { type: 'plain_text', text: cut(partText(part), SLACK_LIMITS.header), emoji: true } } satisfies Slack.HeaderBlock;
  }
  if (part.type === 'fields') {
    return { type: 'section', fields: part.fields.map((f) => ({ type: 'mrkdwn', text: fieldText(f) })) } satisfies Slack.SectionBlock;
  }
  return { type: 'section', text: { type: 'mrkdwn', text: partText(part) } } satisfies Slack.SectionBlock;
}

/**
 * A button's value: the typed command the click will run, or, for a button that asks the
 * presser for words first, `{"command": …, "ask": {…}}` (read back by inbound.ts decodeClick).
 */
export function buttonValue(action: ChatAction): string {
  return action.ask ? JSON.stringify({ command: action.command, ask: action.ask }) : action.command;
}

/** The button for one ChatAction; its value is the typed command the click will run. */
function button(action: ChatAction, index: number): Button | null {
  const value = buttonValue(action);
  if (value.length > SLACK_LIMITS.buttonValue) return null;
  return {
    type: 'button',
    text: { type: 'plain_text', text: cut(action.label, SLACK_LIMITS.buttonText), emoji: true },
    action_id: cut(`${ACTION_PREFIX}${index}:${action.id}`, SLACK_LIMITS.actionId),
    value,
    ...(action.style ? { style: action.style } : {}),
  };
}

/** Formats a time so each reader's Slack shows it in their own timezone. */
function slackTime(at: Date): string {
  const unix = Math.floor(at.getTime() / 1000);
  return `<!date^${unix}^{date_short_pretty} {time}|${at.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

/** The blocks that close a message: buttons, "pressed by", feedback. Never cut. */
function tailBlocks(reply: Reply, t: Translate, options: RenderOptions): KnownBlock[] {
  const tail: KnownBlock[] = [];
  if (options.actions !== false) {
    const buttons = (reply.actions ?? []).slice(0, SLACK_LIMITS.actionsElements).map(button).filter((b): b is Button => b !== null);
    if (buttons.length > 0) tail.push({ type: 'actions', elements: buttons } satisfies Slack.ActionsBlock);
  }
  if (options.pressedBy) {
    const { label, userId, at } = options.pressedBy;
    const text = t('slack.pressedBy', { label: escapeMrkdwn(cut(label, 200)), user: `<@${userId}>`, time: slackTime(at) });
    tail.push({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(text, SLACK_LIMITS.contextText) }] } satisfies Slack.ContextBlock);
  }
  if (options.feedback) {
    tail.push({
      type: 'context_actions',
      elements: [
        {
          type: 'feedback_buttons',
          action_id: FEEDBACK_ACTION_ID,
          positive_button: { text: { type: 'plain_text', text: t('slack.feedbackUseful') }, accessibility_label: t('slack.feedbackUsefulLabel'), value: options.feedback.useful },
          negative_button: { text: { type: 'plain_text', text: t('slack.feedbackNotUseful') }, accessibility_label: t('slack.feedbackNotUsefulLabel'), value: options.feedback.notUseful },
        },
      ],
    } satisfies Slack.ContextActionsBlock);
  }
  return tail;
}

/** Characters of text a block carries, as Slack counts them against a message. */
export function blockChars(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/** A Reply as a Slack message: blocks within every limit, plus the plain-text fallback. */
export function renderMessage(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const t = translator(reply.locale);
  const tail = tailBlocks(reply, t, options);
  const tailChars = tail.reduce((n, b) => n + blockChars(b), 0);
  const { parts, dropped } = layout(reply, t, { blocks: SLACK_LIMITS.blocks - tail.length, chars: SLACK_LIMITS.messageChars - tailChars });
  const blocks = parts.map(partBlock);
  if (dropped > 0 && blocks.length + tail.length < SLACK_LIMITS.blocks) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t('slack.moreBlocks', { n: dropped })) }] });
  }
  return { text: fallbackText(reply), blocks: [...blocks, ...tail] };
}

/**
 * The plain-text fallback: what notifications, screen readers and old clients show. Title,
 * summary, fields and notes; tables are summarised by their titles.
 */
export function fallbackText(reply: Reply): string {
  const lines = [
    reply.title,
    reply.summary,
    ...(reply.fields ?? []).map((f) => `${f.label}: ${f.value}`),
    ...(reply.tables ?? []).map((table) => table.title).filter(Boolean),
    ...(reply.notes ?? []).map((n) => `• ${n}`),
  ].filter((l): l is string => Boolean(l && l.trim()));
  return escapeMrkdwn(cut(lines.join('\n') || '…', SLACK_LIMITS.fallbackText));
}

// ───────────────────────────── Markdown (streamed answers) ─────────────────────────────

/**
 * The same reply as Markdown chunks, for chat.startStream / appendStream. Buttons and feedback
 * are not text: they go in the blocks the stream ends with ({@link streamEndBlocks}).
 */
export function renderMarkdownChunks(reply: Reply): string[] {
  const t = translator(reply.locale);
  const { parts, dropped } = layout(reply, t, { blocks: SLACK_LIMITS.blocks, chars: SLACK_LIMITS.messageChars });
  const chunks = parts.map((part): string => {
    switch (part.type) {
      case 'title':
        return `**${TITLE_MARK[part.kind]}${part.text}**`;
      case 'paragraph':
        return part.text;
      case 'tableTitle':
        return `**${part.text}**`;
      case 'fields':
        return part.fields.map((f) => `**${f.label}:** ${f.value}`).join('\n');
      case 'code':
        return `\`\`\`\n${part.lines.join('\n')}\n\`\`\``;
      case 'notes':
        return part.items.map((n) => `- ${n}`).join('\n');
    }
  });
  if (dropped > 0) chunks.push(`_${t('slack.moreBlocks', { n: dropped })}_`);
  return chunks.map((chunk, i) => (i === 0 ? chunk : `\n\n${chunk}`));
}

/** The blocks a streamed answer ends with: its buttons and the feedback buttons. */
export function streamEndBlocks(reply: Reply, options: RenderOptions = {}): KnownBlock[] {
  return tailBlocks(reply, translator(reply.locale), options);
}
