/**
 * The only reader of process.env. Every variable is parsed with zod; a missing or bad one
 * produces one clear line naming the variable and the reason, never a stack trace.
 */
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default('file:./data/ops.db')
    .refine((v) => v.startsWith('file:'), {
      message: 'must be a SQLite file URL such as file:./data/ops.db',
    }),
  LOG_LEVEL: z.enum(logLevels).optional(),
  /** Team member the console acts as when --as is not given. */
  CONSOLE_USER: z.string().trim().min(1).default('erin'),
  /** Reference date of the demo dataset (YYYY-MM-DD); defaults to today. */
  SEED_REFERENCE_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must look like 2026-11-25')
    .optional(),
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
