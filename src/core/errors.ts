/**
 * Expected errors. A tool throws `ToolError` for anything the user can fix or should know
 * (unknown SKU, bad input, not allowed); the pipeline turns it into a friendly reply.
 * Anything else is unexpected: the pipeline logs it once and answers with a generic message.
 */
import type { ChatAction } from './reply.ts';

/** What kind of expected failure it is. */
export type ToolErrorCode = 'invalid_input' | 'not_found' | 'ambiguous' | 'forbidden' | 'conflict';

/** Extra content for the error reply. */
export interface ToolErrorDetails {
  /** Lines that say how to get it right. */
  hints?: string[];
  /** Buttons, e.g. "did you mean" candidates. */
  actions?: ChatAction[];
}

/** An expected error with a message for the user (already in the user's language). */
export class ToolError extends Error {
  override name = 'ToolError';

  constructor(
    readonly code: ToolErrorCode,
    message: string,
    readonly details: ToolErrorDetails = {},
  ) {
    super(message);
  }
}
