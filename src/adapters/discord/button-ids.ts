/**
 * A button's custom_id carries its typed command, so a click can run it through the pipeline:
 * "ops:<n>:<command>" when that fits Discord's 100 characters, else "ops:<n>#<hash>" where the
 * hash names a ButtonCommand row holding the command. The row outlives the process, so a message
 * posted before a restart still works. <n> is the button's place, keeping ids unique in a message.
 */
import { createHash } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client.ts';
import type { ChatAction } from '../../core/reply.ts';
import type { Db } from '../../persistence/db.ts';
import { DISCORD_LIMITS } from './render.ts';

/** Every custom_id we render starts with this; clicks on anything else are not ours. */
export const CUSTOM_ID_PREFIX = 'ops:';

const INLINE = /^ops:(\d{1,2}):([\s\S]+)$/;
const HASHED = /^ops:(\d{1,2})#([A-Za-z0-9_-]{22})$/;

/** The stored key of a long command: 22 base64url characters (132 bits) of its SHA-256. */
export function commandHash(command: string): string {
  return createHash('sha256').update(command, 'utf8').digest('base64url').slice(0, 22);
}

/** Encodes and decodes custom_ids, storing long commands in the database. */
export class ButtonIds {
  readonly #db: Db;
  readonly #now: () => Date;

  constructor(db: Db, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  /** The custom_id of each action that can be shown (25 at most), in order; long commands are stored first. */
  async encode(actions: readonly ChatAction[]): Promise<string[]> {
    const ids: string[] = [];
    const shown = actions.slice(0, DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow);
    for (const [i, action] of shown.entries()) {
      const inline = `${CUSTOM_ID_PREFIX}${i}:${action.command}`;
      if (inline.length <= DISCORD_LIMITS.customId) {
        ids.push(inline);
        continue;
      }
      const hash = commandHash(action.command);
      await this.#store(hash, action.command);
      ids.push(`${CUSTOM_ID_PREFIX}${i}#${hash}`);
    }
    return ids;
  }

  /** The command behind a custom_id, or null when it is not one of ours (or its row is gone). */
  async decode(customId: string): Promise<string | null> {
    const inline = INLINE.exec(customId);
    if (inline?.[2]) return inline[2];
    const hashed = HASHED.exec(customId);
    if (!hashed?.[2]) return null;
    const row = await this.#db.buttonCommand.findUnique({ where: { id: hashed[2] }, select: { command: true } });
    return row?.command ?? null;
  }

  async #store(id: string, command: string): Promise<void> {
    const existing = await this.#db.buttonCommand.findUnique({ where: { id }, select: { command: true } });
    if (existing) {
      if (existing.command !== command) throw new Error(`button id collision on ${id}`);
      return;
    }
    try {
      await this.#db.buttonCommand.create({ data: { id, command, createdAt: this.#now() } });
    } catch (error) {
      // P2002: a concurrent render stored the same command first, which is just as good.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    }
  }
}
