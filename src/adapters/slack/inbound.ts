/**
 * Slack payloads → ChatRequest. Each payload is parsed with zod for the fields we use, so an
 * unexpected shape is dropped with a log line rather than half-handled. Message text is cleaned
 * the way a person meant it: the bot's own mention removed, Slack's link markup unwrapped and
 * its HTML entities decoded.
 */
import { z } from 'zod';
import type { ChatAction, ChatRequest } from '../../core/reply.ts';
import { ACTION_PREFIX, FEEDBACK_ACTION_ID } from './render.ts';

/** The slash command that takes anything: help, or a question for the NL layer. */
export const OPS_COMMAND = '/ops';

/** The fields of a slash command body we use. */
export const slashCommandSchema = z.object({
  command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/i),
  text: z.string().default(''),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  team_id: z.string().optional(),
  trigger_id: z.string().min(1),
  response_url: z.url(),
});

/** A user message: app_mention, a DM, or a message in an assistant thread. */
export const messageEventSchema = z.object({
  type: z.enum(['app_mention', 'message']),
  text: z.string().default(''),
  user: z.string().min(1),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

/** The fields of a block_actions payload we use. */
export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional() }),
  container: z
    .object({
      type: z.string(),
      message_ts: z.string().optional(),
      channel_id: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  response_url: z.url().optional(),
  actions: z
    .array(
      z.object({
        type: z.string(),
        action_id: z.string(),
        value: z.string().optional(),
        text: z.object({ text: z.string() }).optional(),
        action_ts: z.string().optional(),
      }),
    )
    .min(1),
});

/** A parsed slash command. */
export type SlashCommandBody = z.infer<typeof slashCommandSchema>;
/** A parsed user message event. */
export type MessageEvent = z.infer<typeof messageEventSchema>;
/** A parsed block_actions payload. */
export type BlockActionsBody = z.infer<typeof blockActionsSchema>;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * What the person typed, from Slack's message markup: `<@BOT>` (our own mention) removed,
 * `<mailto:a@b.c|a@b.c>` and `<https://…|label>` unwrapped to what was typed, `<#C1|sales>`
 * to `#sales`, `<!here>` to `@here`; other people's mentions stay `<@U…>` so tools such as
 * /team link can read them. Entities are decoded last, so typed "&lt;" never becomes markup.
 */
export function cleanText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]+)>/g, (whole, inner: string) => {
      if (inner.startsWith('@')) {
        const id = inner.slice(1).split('|')[0];
        return botUserId !== undefined && id === botUserId ? ' ' : `<@${id}>`;
      }
      if (inner.startsWith('#')) return `#${inner.split('|')[1] ?? inner.slice(1)}`;
      if (inner.startsWith('!')) return `@${(inner.slice(1).split('|')[1] ?? inner.slice(1).split('^')[0] ?? '').replace(/^@/, '')}`;
      const [target, label] = inner.split('|');
      if (target === undefined) return whole;
      if (label !== undefined) return label;
      return target.replace(/^mailto:/, '');
    })
    .replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * The text a slash command stands for. `/stock WB-500` → "/stock WB-500"; `/ops …` passes its
 * text on as typed (a command without its slash, or a question); a bare `/ops` asks for help.
 */
export function commandText(command: string, text: string): string {
  const words = cleanText(text);
  if (command.toLowerCase() === OPS_COMMAND) return words === '' ? '/help' : words;
  return `${command.toLowerCase()} ${words}`.trim();
}

/** A slash command as a ChatRequest. */
export function commandRequest(body: SlashCommandBody): ChatRequest {
  return {
    via: 'slack',
    user: { platformUserId: body.user_id, ...(body.user_name ? { displayName: body.user_name } : {}) },
    channelId: body.channel_id,
    text: commandText(body.command, body.text),
  };
}

/** A mention, DM or assistant-thread message as a ChatRequest. */
export function messageRequest(event: MessageEvent, botUserId: string | undefined): ChatRequest {
  return {
    via: 'slack',
    user: { platformUserId: event.user },
    channelId: event.channel,
    text: cleanText(event.text, botUserId),
  };
}

/** Whether a message event is something a person wrote (not an edit, a bot, or our own post). */
export function isPersonMessage(event: MessageEvent): boolean {
  return event.subtype === undefined && event.bot_id === undefined;
}

/** What a click was: one of our buttons, a feedback button, or something we did not render. */
export type Click =
  | { kind: 'button'; action: ChatAction; actionId: string }
  | { kind: 'feedback'; command: string }
  | { kind: 'foreign' };

/** The value of a button that asks for words first (see render.ts buttonValue). */
const askingValueSchema = z.object({
  command: z.string().startsWith('/'),
  ask: z.object({
    label: z.string().min(1).max(2000),
    minLength: z.number().int().min(0).max(3000).optional(),
    maxLength: z.number().int().min(1).max(3000).optional(),
  }),
});

/** A button value back as its command and, for a button that asks first, its question. */
function readButtonValue(value: string): Pick<ChatAction, 'command' | 'ask'> | null {
  if (value.startsWith('/')) return { command: value };
  if (!value.startsWith('{')) return null;
  try {
    const parsed = askingValueSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads the first action of a block_actions payload back into the ChatAction we rendered. */
export function decodeClick(body: BlockActionsBody): Click {
  const [action] = body.actions;
  if (!action || action.value === undefined) return { kind: 'foreign' };
  if (action.action_id === FEEDBACK_ACTION_ID) return action.value.startsWith('/') ? { kind: 'feedback', command: action.value } : { kind: 'foreign' };
  const match = new RegExp(`^${ACTION_PREFIX}\\d+:(.+)$`).exec(action.action_id);
  const value = readButtonValue(action.value);
  if (!match?.[1] || action.type !== 'button' || value === null) return { kind: 'foreign' };
  return {
    kind: 'button',
    actionId: action.action_id,
    action: { id: match[1], label: action.text?.text ?? value.command, ...value },
  };
}

/** Where an answer was given, for feedback: "slack:<channel>:<ts>". */
export function answerRef(channel: string, ts: string): string {
  return `slack:${channel}:${ts}`;
}
