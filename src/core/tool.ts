/**
 * The tool contract. Every capability is one tool: a name, the command that reaches it, a zod
 * input schema, who may run it and what it does to data. Slash commands, buttons and the NL
 * layer all reach tools through the one registry (tools/index.ts) and the bot pipeline.
 */
import type { z } from 'zod';
import type { Db } from '../persistence/db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Locale, Translate } from './i18n/index.ts';
import type { Reply, Via } from './reply.ts';
import type { Role } from './roles.ts';
import type { ToolRegistry } from './tools/registry.ts';

/** What running the tool does to data: writes always need a person (a command or a button). */
export type ToolEffect = 'read' | 'propose' | 'write';

/** The person behind a request, resolved to a team member when we know them. */
export interface Actor {
  memberId: number | null;
  handle: string | null;
  name: string;
  roles: Role[];
  platformsOwned: string[];
  /** The member's preferred language, if set. */
  locale: string | null;
  /** How audit events name this actor: the handle, or "unknown:<via>:<platform user id>". */
  ref: string;
}

/** Read-mostly facts the command grammar needs to split tokens (e.g. which words are platforms). */
export interface ParseHelpers {
  platformCodes: ReadonlySet<string>;
}

/** One audit record; `before` and `after` are plain JSON. */
export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/** A Prisma client bound to an open transaction. */
export type Tx = Prisma.TransactionClient;

/** Limits of one transaction; bulk writes (imports) need more than the default 5 s. */
export interface TransactionOptions {
  /** Longest the transaction may run, in ms. */
  timeoutMs?: number;
}

/** Writes an audit record inside the current transaction. */
export type AuditWriter = (entry: AuditEntry) => Promise<void>;

/** Everything a tool may use while it runs. */
export interface ToolContext {
  db: Db;
  actor: Actor;
  locale: Locale;
  t: Translate;
  /** The request's clock; tests pin it. */
  now: Date;
  via: Via;
  registry: ToolRegistry;
  /**
   * Runs `fn` in one transaction; audit entries written through its `audit` argument commit
   * or roll back with the change, so no write is ever left without its AuditEvent.
   */
  transaction<T>(fn: (tx: Tx, audit: AuditWriter) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Records an audit event on its own, for reads that must be audited (e.g. PII lookups). */
  audit: AuditWriter;
}

/** A tool definition. `S` is its zod input schema. */
export interface ToolDefinition<S extends z.ZodType = z.ZodType> {
  /** Unique, stable name, e.g. "stock" or "budget-approve"; the NL layer and logs use it. */
  name: string;
  /** The slash command path that reaches it: "/stock", "/budget approve". */
  command: string;
  /** One line for help, per language. */
  summary: Record<Locale, string>;
  /** Arguments after the command, e.g. "<sku | product name> [platform]". */
  usage: string;
  /** Complete typed examples, e.g. "/stock WB-500 amazon-us". */
  examples: string[];
  /** Who may run it; "anyone" includes chat users we don't know. */
  roles: 'anyone' | readonly Role[];
  effect: ToolEffect;
  input: S;
  /** The command grammar: turns the words after the command into a candidate for `input`. */
  parseArgs(tokens: string[], helpers: ParseHelpers): unknown;
  run(ctx: ToolContext, input: z.output<S>): Promise<Reply>;
}

/** Declares a tool with its input type inferred from the schema. */
export function defineTool<S extends z.ZodType>(definition: ToolDefinition<S>): ToolDefinition<S> {
  return definition;
}

/** Whether `actor` may run `tool`: the one place roles are checked. */
export function mayRun(tool: Pick<ToolDefinition, 'roles'>, actor: Pick<Actor, 'roles'>): boolean {
  if (tool.roles === 'anyone') return true;
  return tool.roles.some((role) => actor.roles.includes(role));
}
