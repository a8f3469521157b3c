/**
 * The message catalogue: every user-facing sentence, in English and Chinese. Each area keeps its
 * own file under messages/ (add one per new tool area and spread it in here); each file's `zh`
 * must have exactly the keys of its `en`, which the type checker enforces.
 */
import * as core from './messages/core.ts';
import * as help from './messages/help.ts';
import * as nl from './messages/nl.ts';
import * as stock from './messages/stock.ts';
import * as team from './messages/team.ts';

/** English, the catalogue's reference language. */
export const en = { ...core.en, ...help.en, ...team.en, ...stock.en, ...nl.en } as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof en;

/** Chinese. */
export const zh: Record<MessageKey, string> = { ...core.zh, ...help.zh, ...team.zh, ...stock.zh, ...nl.zh };
