/**
 * The only reader of process.env. Every variable is parsed with zod; a missing or bad one
 * produces one clear line naming the variable and the reason, never a stack trace.
 */
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Our roles, as DISCORD_ROLE_MAP may name them (src/core/roles.ts). */
const chatRoles = ['staff', 'cs', 'marketing', 'manager', 'admin'] as const;

/** A Discord id (a snowflake: 17 to 20 digits). */
function snowflake(message: string) {
  return z.string().trim().regex(/^\d{17,20}$/, message);
}

/** A whole number from an environment string, within [min, max]. */
function wholeNumber(min: number, max: number, example: string) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, `must be ${example}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default('file:./data/ops.db')
    // SQLite file, or PostgreSQL (several instances share one; see README "Running on PostgreSQL").
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\/[^/]+/i.test(v), {
      message: 'must be a SQLite file URL such as file:./data/ops.db, or a PostgreSQL URL such as postgresql://ops@localhost:5432/ops',
    }),
  LOG_LEVEL: z.enum(logLevels).optional(),
  /** Team member the console acts as when --as is not given. */
  CONSOLE_USER: z.string().trim().min(1).default('erin'),
  /** Reference date of the demo dataset (YYYY-MM-DD); defaults to today. */
  SEED_REFERENCE_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must look like 2026-11-25')
    .optional(),
  // ── data import (issue #10) ──
  /** Largest export file `npm run import` and /import accept, in bytes (default 25 MB). */
  IMPORT_MAX_BYTES: wholeNumber(1_024, 2_000_000_000, 'a number of bytes such as 26214400').default(25 * 1024 * 1024),
  // ── allocation and budgets (issue #4) ──
  /** Units a new platform or listing gets before its own sales can guide it (the playbook's 100). */
  ALLOC_TRIAL_BATCH: wholeNumber(1, 100_000, 'a number of units such as 100').default(100),
  /** Channel the budget approval cards are posted to (a Slack or Discord channel name or id). */
  BUDGET_APPROVALS_CHANNEL: z.string().trim().min(1).max(80).default('approvals'),
  /** Budget changes of at least this amount (USD, either direction) need two different approvers. */
  BUDGET_TWO_APPROVER_THRESHOLD: wholeNumber(1, 100_000_000, 'an amount in USD such as 10000').default(10_000),
  /** Hours a budget change request stays open before it expires. */
  BUDGET_REQUEST_TTL_HOURS: wholeNumber(1, 24 * 90, 'a number of hours such as 72').default(72),
  /** Reference exchange rates as units per USD, e.g. EUR=0.92,MYR=4.45,CNY=7.15. */
  FX_PER_USD: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}=\d+(\.\d+)?(,[A-Z]{3}=\d+(\.\d+)?)*$/, 'must look like EUR=0.92,MYR=4.45,CNY=7.15')
    .default('EUR=0.92,MYR=4.45,CNY=7.15,GBP=0.79'),
  // ── daily stock digest (issue #9): posted through the outbox by one instance a day ──
  /** Channel the daily stock digest goes to (a Slack channel id such as C0123ABCD, a Discord channel id, or a name); no digest when unset. */
  DIGEST_CHANNEL: z.string().trim().regex(/^#?[^\s#]{1,80}$/u, 'must be a channel id such as C0123ABCD (Slack) or 123456789012345678 (Discord), or a channel name').optional(),
  /** When the digest is made each day, HH:MM in UTC. */
  DIGEST_TIME: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day in UTC such as 08:00').default('08:00'),
  /** Language of the digest. */
  DIGEST_LANG: z.enum(['en', 'zh'], { error: 'must be en or zh' }).default('en'),
  /** How many days ahead the digest looks for stock-outs. */
  DIGEST_DAYS: wholeNumber(1, 90, 'a number of days such as 14').default(14),
  // ── Slack (issue #3): with a bot token plus an app token or a signing secret, Slack replaces the console ──
  /** Bot User OAuth Token (xoxb-…). */
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-[A-Za-z0-9-]+$/, 'must be the Bot User OAuth Token, starting with xoxb- (OAuth & Permissions)')
    .optional(),
  /** App-level token (xapp-…, scope connections:write): Socket Mode. */
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-[A-Za-z0-9-]+$/, 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)')
    .optional(),
  /** Signing Secret: HTTP mode, requests on /slack/events. */
  SLACK_SIGNING_SECRET: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{16,128}$/, 'must be the Signing Secret from Basic Information → App Credentials')
    .optional(),
  /** Web API base URL; Slack's own by default. */
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
    .transform((v) => (v.endsWith('/') ? v : `${v}/`))
    .optional(),
  /** socket or http; by default socket when SLACK_APP_TOKEN is set, else http. */
  SLACK_MODE: z.enum(['socket', 'http'], { error: 'must be socket or http' }).optional(),
  /** Port of /slack/events (HTTP mode) and /healthz; 0 picks a free port. */
  PORT: wholeNumber(0, 65_535, 'a port number such as 3000').default(3000),
  // ── Discord (issue #8): DISCORD_TOKEN → gateway bot; DISCORD_PUBLIC_KEY → POST /discord/interactions on PORT ──
  /** Bot token (Developer Portal → Bot → Reset Token): the gateway connection and command registration. */
  DISCORD_TOKEN: z
    .string()
    .trim()
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be the bot token from Developer Portal → Bot → Reset Token (three parts joined by dots, without "Bot ")')
    .optional(),
  /** Application ID (General Information). */
  DISCORD_APPLICATION_ID: snowflake('must be the Application ID from General Information, a number of 17 to 20 digits').optional(),
  /** Public Key (General Information): verifies requests on POST /discord/interactions. */
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the Public Key from General Information: 64 hexadecimal characters')
    .transform((v) => v.toLowerCase())
    .optional(),
  /** REST base URL as discord.js's rest.api takes it; Discord's own (https://discord.com/api) by default. */
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** Server that `npm run discord:register` registers the commands for (instantly); without it, globally. */
  DISCORD_GUILD_ID: snowflake('must be a server (guild) id, a number of 17 to 20 digits (Developer Mode → Copy Server ID)').optional(),
  /** Discord roles that grant our roles, e.g. 123456789012345678:manager,234567890123456789:staff. */
  DISCORD_ROLE_MAP: z
    .string()
    .trim()
    .regex(
      new RegExp(`^\\d{17,20}:(${chatRoles.join('|')})(\\s*,\\s*\\d{17,20}:(${chatRoles.join('|')}))*$`),
      `must look like 123456789012345678:manager,234567890123456789:staff (Discord role id : one of ${chatRoles.join(', ')})`,
    )
    .transform((v) =>
      v.split(',').map((entry) => {
        const [roleId, role] = entry.trim().split(':') as [string, (typeof chatRoles)[number]];
        return { roleId, role };
      }),
    )
    .default([]),
  // ── language model (issue #7 plain-language questions; shared with copy generation) ──
  /** Key of an OpenAI-compatible endpoint; without it the offline router answers plain questions. */
  OPENAI_API_KEY: z.string().trim().min(1).optional(),
  /** Another OpenAI-compatible endpoint (Azure, Ollama, vLLM…); OpenAI's own by default. */
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:11434/v1' }).optional(),
  /** Chat model name as the endpoint knows it. */
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** Milliseconds the model may take per question before the offline router answers instead. */
  NL_TIMEOUT_MS: wholeNumber(100, 300_000, 'milliseconds such as 8000').default(8_000),
  /** Whether customer PII may be sent unmasked to the model for roles that may see it (off by default). */
  NL_SEND_UNMASKED_PII: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .default(false),
}).superRefine((env, ctx) => {
  // Slack's variables only make sense together; say which one is missing.
  const slack = env.SLACK_BOT_TOKEN !== undefined || env.SLACK_APP_TOKEN !== undefined || env.SLACK_SIGNING_SECRET !== undefined || env.SLACK_MODE !== undefined;
  if (!slack) return;
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (env.SLACK_BOT_TOKEN === undefined) problem('SLACK_BOT_TOKEN', 'is required with SLACK_APP_TOKEN, SLACK_SIGNING_SECRET or SLACK_MODE (the xoxb- Bot User OAuth Token)');
  const mode = env.SLACK_MODE ?? (env.SLACK_APP_TOKEN !== undefined ? 'socket' : 'http');
  if (mode === 'socket' && env.SLACK_APP_TOKEN === undefined) problem('SLACK_APP_TOKEN', 'is required for Socket Mode (an xapp- app-level token with connections:write)');
  if (mode === 'http' && env.SLACK_SIGNING_SECRET === undefined) {
    problem('SLACK_SIGNING_SECRET', 'is required for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode');
  }
}).superRefine((env, ctx) => {
  // Both ways of running Discord answer as one application: say which id is missing.
  if ((env.DISCORD_TOKEN !== undefined || env.DISCORD_PUBLIC_KEY !== undefined) && env.DISCORD_APPLICATION_ID === undefined) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'is required with DISCORD_TOKEN or DISCORD_PUBLIC_KEY (General Information → Application ID)' });
  }
});

/** Parsed, typed configuration. */
export type Config = z.infer<typeof envSchema>;

/** Thrown when the environment is unusable; its message is one line per bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the given environment (process.env by default).
 * @throws ConfigError with one line per bad variable, e.g. `DATABASE_URL: must be a SQLite file URL …`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set": .env files often carry `NAME=` lines.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  throw new ConfigError(lines.join('\n'));
}
