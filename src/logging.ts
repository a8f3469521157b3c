/**
 * Structured logging with pino, to stderr so stdout stays free for replies (the console's
 * --json mode). Request text is never logged; error messages are scrubbed of anything that
 * looks like an email address or a phone number before they are written.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Options for the root logger. */
export interface LoggerOptions {
  level?: string;
  /** Where lines go; stderr by default. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/** Masks email addresses and long digit runs (phones, card-like numbers) in free text. */
export function scrubPii(text: string): string {
  return text
    .replace(/[^\s@"'<>()]+@[^\s@"'<>()]+\.[a-z]{2,}/gi, '[email]')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, '[number]');
}

/** A serialisable view of an unexpected error, scrubbed of PII. */
export function describeError(error: unknown): { type: string; message: string; stack?: string } {
  if (error instanceof Error) {
    return {
      type: error.name,
      message: scrubPii(error.message).slice(0, 2000),
      ...(error.stack ? { stack: scrubPii(error.stack).slice(0, 4000) } : {}),
    };
  }
  return { type: typeof error, message: scrubPii(String(error)).slice(0, 2000) };
}

/** The root logger. Secrets and PII fields are redacted wherever they appear in a log object. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: {
        paths: ['*.token', '*.secret', '*.password', '*.apiKey', '*.email', '*.phone', '*.address', '*.text'],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
