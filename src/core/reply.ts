/**
 * The platform-neutral chat model: what comes in (`ChatRequest`), what goes out (`Reply`),
 * and what a button does (`ChatAction`). Replies are data; each adapter renders them.
 */
import type { Locale } from './i18n/index.ts';
import type { Role } from './roles.ts';

/** Where a request came from. */
export type Via = 'console' | 'slack' | 'discord';

/**
 * What a button does. A button press runs `command` through the same pipeline as if the user
 * had typed it, so every button has a typed form and the same checks apply to both.
 */
export interface ChatAction {
  /** Stable id within one reply, e.g. "approve". */
  id: string;
  label: string;
  /** The typed form, e.g. "/budget approve BR-12". */
  command: string;
  style?: 'primary' | 'danger';
  /**
   * The button needs words from the presser first (e.g. why a request is rejected), appended to
   * `command`. Platforms with forms ask for them (a Slack modal); elsewhere the command runs as
   * it is and the tool says what is missing.
   */
  ask?: ActionPrompt;
}

/** What a button asks the presser for before it runs. */
export interface ActionPrompt {
  /** The question, e.g. "Why is BR-12 rejected?". */
  label: string;
  minLength?: number;
  maxLength?: number;
}

/** One label/value pair. */
export interface ReplyField {
  label: string;
  value: string;
}

/** A column of a table; numbers are right-aligned by renderers. */
export interface ReplyColumn {
  key: string;
  label: string;
  align?: 'left' | 'right';
}

/** A table; every row holds display strings keyed by column key. */
export interface ReplyTable {
  title?: string;
  columns: ReplyColumn[];
  rows: Array<Record<string, string>>;
}

/** What the answer is, so adapters can choose colour, icon and visibility. */
export type ReplyKind = 'result' | 'help' | 'error' | 'denied';

/** A reply, independent of any chat platform. */
export interface Reply {
  kind: ReplyKind;
  locale: Locale;
  title?: string;
  /** One or two sentences at the top. */
  summary?: string;
  fields?: ReplyField[];
  tables?: ReplyTable[];
  /** Warnings and footnotes, shown after the body. */
  notes?: string[];
  actions?: ChatAction[];
  /** Only the asking user should see it (where the platform allows). */
  ephemeral?: boolean;
  /** Files the reply carries, e.g. a CSV export; adapters upload them or print them. */
  files?: ReplyFile[];
}

/** A text file attached to a reply. */
export interface ReplyFile {
  filename: string;
  /** e.g. "text/csv". */
  mimeType: string;
  content: string;
}

/** Who is asking, as the adapter knows them. */
export interface ChatUser {
  /** Team member handle, when the adapter knows it directly (the console). */
  handle?: string;
  /** The chat platform's user id (Slack "U…", Discord snowflake). */
  platformUserId?: string;
  displayName?: string;
  /**
   * Roles the platform vouches for by the operator's configuration (e.g. Discord guild roles
   * mapped by DISCORD_ROLE_MAP). Added to a linked member's own roles; never to an inactive one.
   */
  grantedRoles?: readonly Role[];
}

/** One message or button press from a user, normalised by an adapter. */
export interface ChatRequest {
  via: Via;
  user: ChatUser;
  channelId: string;
  /** Text typed by the user, or the command of the pressed button. */
  text: string;
  /** Set when the request comes from a button press. */
  action?: ChatAction;
  /** The platform's language hint for the user, e.g. "zh-CN". */
  localeHint?: string;
}
