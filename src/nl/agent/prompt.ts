/**
 * The agent's system prompt, kept in prompts/agent-system.md and filled per question with the
 * few facts the model needs (language, date, platform codes, who is asking).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** prompts/agent-system.md at the repository root: the prompt for choosing and calling a tool. */
export const SYSTEM_PROMPT_FILE = fileURLToPath(new URL('../../../prompts/agent-system.md', import.meta.url));

/** prompts/agent-comment.md: the short prompt for the last call, when the model only comments on the tool's answer. */
export const COMMENT_PROMPT_FILE = fileURLToPath(new URL('../../../prompts/agent-comment.md', import.meta.url));

/** The values the template's {{placeholders}} take. */
export interface PromptValues {
  /** The reply language, spelled out: "English" or "Chinese (简体中文)". */
  language: string;
  today: string;
  platforms: string;
  user: string;
}

/** Loads a prompt template once; fills it per question. Unknown placeholders are an error at load time. */
export function loadSystemPrompt(file: string): (values: PromptValues) => string {
  const template = readFileSync(file, 'utf8').trim();
  const names = new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
  for (const name of names) {
    if (!['language', 'today', 'platforms', 'user'].includes(name ?? '')) throw new Error(`${file}: unknown placeholder {{${name}}}`);
  }
  return (values) => template.replace(/\{\{(\w+)\}\}/g, (_, name: keyof PromptValues) => values[name]);
}
