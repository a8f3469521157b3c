/**
 * The message catalogue: every user-facing sentence, in English and Chinese. Each area keeps its
 * own file under messages/ (add one per new tool area and spread it in here); each file's `zh`
 * must have exactly the keys of its `en`, which the type checker enforces.
 */
import * as core from './messages/core.ts';
import * as alloc from './messages/alloc.ts';
import * as budget from './messages/budget.ts';
import * as costs from './messages/costs.ts';
import * as help from './messages/help.ts';
import * as nl from './messages/nl.ts';
import * as stock from './messages/stock.ts';
import * as team from './messages/team.ts';
import * as customer from './messages/customer.ts';
import * as feedback from './messages/feedback.ts';
import * as assistant from './messages/assistant.ts';
import * as slack from './messages/slack.ts';
import * as discord from './messages/discord.ts';
import * as knowledge from './messages/knowledge.ts';
import * as agent from './messages/agent.ts';
import * as dataImport from './messages/import.ts';
import * as copy from './messages/copy.ts';
import * as brand from './messages/brand.ts';
import * as campaign from './messages/campaign.ts';
import * as digest from './messages/digest.ts';

/** English, the catalogue's reference language. */
export const en = { ...core.en, ...alloc.en, ...budget.en, ...costs.en, ...help.en, ...team.en, ...stock.en, ...customer.en, ...nl.en, ...feedback.en, ...assistant.en, ...slack.en, ...discord.en, ...knowledge.en, ...agent.en, ...dataImport.en, ...copy.en, ...brand.en, ...campaign.en, ...digest.en } as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof en;

/** Chinese. */
export const zh: Record<MessageKey, string> = { ...core.zh, ...alloc.zh, ...budget.zh, ...costs.zh, ...help.zh, ...team.zh, ...stock.zh, ...customer.zh, ...nl.zh, ...feedback.zh, ...assistant.zh, ...slack.zh, ...discord.zh, ...knowledge.zh, ...agent.zh, ...dataImport.zh, ...copy.zh, ...brand.zh, ...campaign.zh, ...digest.zh };
