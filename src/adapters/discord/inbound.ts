/**
 * Discord payloads → what the handlers work with. Interactions arrive in the same JSON whether
 * over the gateway (INTERACTION_CREATE) or signed over HTTP, and messages as MESSAGE_CREATE;
 * each is parsed with zod for the fields we use, so an unexpected shape is refused with a log
 * line rather than half-handled. Guild roles become our roles here, by DISCORD_ROLE_MAP.
 */
import { ApplicationCommandOptionType, InteractionType } from 'discord.js';
import { z } from 'zod';
import type { ChatUser } from '../../core/reply.ts';
import type { Role } from '../../core/roles.ts';
import type { ActionRow } from './render.ts';

/** One DISCORD_ROLE_MAP entry: members with this Discord role get our role. */
export interface RoleGrant {
  roleId: string;
  role: Role;
}

const snowflake = z.string().regex(/^\d{1,20}$/);
const userSchema = z.object({
  id: snowflake,
  username: z.string(),
  global_name: z.string().nullish(),
  bot: z.boolean().optional(),
});
const memberSchema = z.object({
  user: userSchema.optional(),
  roles: z.array(snowflake).default([]),
  nick: z.string().nullish(),
});

interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  focused?: boolean | undefined;
  options?: RawOption[] | undefined;
}
const optionSchema: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string().min(1).max(32),
    type: z.number().int(),
    value: z.union([z.string().max(6000), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(optionSchema).max(25).optional(),
  }),
);
const commandDataSchema = z.object({ name: z.string().min(1).max(32), options: z.array(optionSchema).max(25).optional() });
// Components are kept whole (loose), because a pressed message's rows are sent back disabled.
const componentSchema = z.looseObject({ type: z.number().int(), custom_id: z.string().optional(), label: z.string().optional() });
const rowSchema = z.looseObject({ type: z.literal(1), components: z.array(componentSchema).max(5) });

const common = {
  id: snowflake,
  // Always sent today; the documentation's older examples lack it, and the app knows its own id.
  application_id: snowflake.optional(),
  token: z.string().min(1).max(1000),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.object({ id: snowflake }).optional(),
  member: memberSchema.optional(),
  user: userSchema.optional(),
  locale: z.string().max(10).optional(),
};

/** An interaction, as Discord sends it (the fields we use). */
export const interactionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(InteractionType.Ping), id: snowflake, application_id: snowflake.optional(), token: z.string().optional() }),
  z.object({ ...common, type: z.literal(InteractionType.ApplicationCommand), data: commandDataSchema }),
  z.object({ ...common, type: z.literal(InteractionType.ApplicationCommandAutocomplete), data: commandDataSchema }),
  z.object({
    ...common,
    type: z.literal(InteractionType.MessageComponent),
    data: z.object({ custom_id: z.string().min(1).max(100), component_type: z.number().int() }),
    message: z.object({ id: snowflake, flags: z.number().int().optional(), components: z.array(rowSchema).max(5).default([]) }),
  }),
  z.object({ ...common, type: z.literal(InteractionType.ModalSubmit) }),
]);

/** A MESSAGE_CREATE dispatch (the fields we use). */
export const messageCreateSchema = z.object({
  id: snowflake,
  channel_id: snowflake,
  guild_id: snowflake.optional(),
  author: userSchema,
  member: memberSchema.omit({ user: true }).optional(),
  content: z.string().max(4000).default(''),
  mentions: z.array(z.object({ id: snowflake })).default([]),
  webhook_id: snowflake.optional(),
  type: z.number().int().default(0),
});

/** A parsed MESSAGE_CREATE. */
export type MessageCreate = z.infer<typeof messageCreateSchema>;

/** Who, where and in which language: common to every interaction kind. */
export interface InteractionBase {
  id: string;
  token: string;
  applicationId: string;
  user: ChatUser & { platformUserId: string };
  guildId: string | null;
  channelId: string;
  locale: string | null;
}

/** An interaction, normalised. */
export type Inbound =
  | { kind: 'ping' }
  | { kind: 'command'; base: InteractionBase; name: string; sub: string | null; options: Array<{ name: string; value: string | number | boolean }> }
  | { kind: 'autocomplete'; base: InteractionBase; name: string; sub: string | null; focused: { name: string; value: string } | null }
  | { kind: 'button'; base: InteractionBase; customId: string; messageId: string; rows: ActionRow[]; label: string | null }
  | { kind: 'other'; base: InteractionBase };

/** Our roles for a member with these Discord roles: only what DISCORD_ROLE_MAP names. */
export function grantedRoles(memberRoles: readonly string[], grants: readonly RoleGrant[]): Role[] {
  return [...new Set(grants.filter((g) => memberRoles.includes(g.roleId)).map((g) => g.role))].sort();
}

/** The chat user behind an interaction or a message. */
function chatUser(
  user: z.infer<typeof userSchema>,
  member: { roles: string[]; nick?: string | null | undefined } | undefined,
  grants: readonly RoleGrant[],
): ChatUser & { platformUserId: string } {
  const roles = member ? grantedRoles(member.roles, grants) : [];
  return {
    platformUserId: user.id,
    displayName: member?.nick ?? user.global_name ?? user.username,
    ...(roles.length > 0 ? { grantedRoles: roles } : {}),
  };
}

/**
 * Reads a raw interaction (`applicationId` stands in where the payload lacks its own). A
 * `problem` instead when it is not one we can answer (its shape is unexpected, or it names no
 * user or channel), saying which field, for the log.
 */
export function parseInteraction(raw: unknown, grants: readonly RoleGrant[], applicationId: string): { inbound: Inbound } | { problem: string } {
  const parsed = interactionSchema.safeParse(raw);
  if (!parsed.success) return { problem: parsed.error.issues.map((i) => i.path.join('.') || i.code).join(', ') };
  const data = parsed.data;
  if (data.type === InteractionType.Ping) return { inbound: { kind: 'ping' } };
  // In a server the person is `member.user`; in a DM, `user`.
  const user = data.member?.user ?? data.user;
  const channelId = data.channel?.id ?? data.channel_id;
  if (!user || !channelId) return { problem: user ? 'channel' : 'user' };
  const base: InteractionBase = {
    id: data.id,
    token: data.token,
    applicationId: data.application_id ?? applicationId,
    user: chatUser(user, data.member, grants),
    guildId: data.guild_id ?? null,
    channelId,
    locale: data.locale ?? null,
  };
  switch (data.type) {
    case InteractionType.ApplicationCommand: {
      const { sub, options } = flatten(data.data.options ?? []);
      return { inbound: { kind: 'command', base, name: data.data.name, sub, options: options.filter(hasValue).map(({ name, value }) => ({ name, value })) } };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const { sub, options } = flatten(data.data.options ?? []);
      const focused = options.find((o) => o.focused);
      return {
        inbound: { kind: 'autocomplete', base, name: data.data.name, sub, focused: focused ? { name: focused.name, value: String(focused.value ?? '') } : null },
      };
    }
    case InteractionType.MessageComponent: {
      const rows = data.message.components as unknown as ActionRow[];
      const pressed = data.message.components.flatMap((r) => r.components).find((c) => c.custom_id === data.data.custom_id);
      return {
        inbound: { kind: 'button', base, customId: data.data.custom_id, messageId: data.message.id, rows, label: pressed?.label ?? null },
      };
    }
    default:
      return { inbound: { kind: 'other', base } };
  }
}

function hasValue(option: RawOption): option is RawOption & { value: string | number | boolean } {
  return option.value !== undefined;
}

/** A command's options, with the sub-command (if any) lifted out. */
function flatten(options: readonly RawOption[]): { sub: string | null; options: RawOption[] } {
  const [first] = options;
  if (first && first.type === ApplicationCommandOptionType.Subcommand) return { sub: first.name, options: first.options ?? [] };
  return { sub: null, options: [...options] };
}

/** A message for the NL layer: someone's DM to the bot, or a server message that mentions it. */
export interface Mention {
  user: ChatUser & { platformUserId: string };
  channelId: string;
  messageId: string;
  guildId: string | null;
  /** What they wrote, our mention removed. */
  text: string;
}

/** Reads a MESSAGE_CREATE; null unless a person wrote it to us (a DM, or a mention of `botUserId`). */
export function parseMention(raw: unknown, botUserId: string, grants: readonly RoleGrant[]): Mention | null {
  const parsed = messageCreateSchema.safeParse(raw);
  if (!parsed.success) return null;
  const m = parsed.data;
  // 0 = a message, 19 = a reply; bots, webhooks and system messages are not people asking.
  if (m.author.bot || m.webhook_id !== undefined || (m.type !== 0 && m.type !== 19)) return null;
  const direct = m.guild_id === undefined;
  if (!direct && !m.mentions.some((u) => u.id === botUserId)) return null;
  const text = m.content.replace(new RegExp(`<@!?${botUserId}>`, 'g'), ' ').replace(/[ \t]+/g, ' ').trim();
  return { user: chatUser(m.author, m.member, grants), channelId: m.channel_id, messageId: m.id, guildId: m.guild_id ?? null, text };
}
