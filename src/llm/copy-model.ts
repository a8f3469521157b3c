/**
 * The copy generator's model adapter: langchain's ChatOpenAI against any OpenAI-compatible
 * endpoint, with zod-typed structured output (a function call whose arguments must match the
 * schema the domain hands over). It implements the domain's `CopyModel` port, so src/core never
 * imports langchain. Prompts are the files prompts/copy-*.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OutputParserException } from '@langchain/core/output_parsers';
import { ChatOpenAI } from '@langchain/openai';
import type { z } from 'zod';
import type { Config } from '../config/env.ts';
import type { CopyModel, CopyModelAnswer, CopyModelRequest } from '../core/domain/copy/generator.ts';

/** Where the copy prompts live. */
export const COPY_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** The longest a model call may take before the composer writes instead. */
export const COPY_MODEL_TIMEOUT_MS = 60_000;

/** How to reach the model. */
export interface CopyModelOptions {
  apiKey: string;
  /** e.g. http://localhost:11434/v1; OpenAI's own when absent. */
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  promptsDir?: string;
}

const LANGUAGES: Record<CopyModelRequest['locale'], string> = { en: 'English', zh: 'Simplified Chinese (简体中文)', de: 'German (Deutsch)' };

type Template = (values: Record<string, string>) => string;

/** Loads a prompt file; an unknown {{placeholder}} fails at start-up, not mid-request. */
function template(dir: string, name: string, allowed: readonly string[]): Template {
  const file = `${dir}${name}`;
  const text = readFileSync(file, 'utf8').trim();
  for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) {
    if (!allowed.includes(m[1] ?? '')) throw new Error(`${file}: unknown placeholder {{${m[1]}}}`);
  }
  return (values) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** The prompts of one request: system, request and (on the repair round) the repair note. */
export function copyPrompts(dir: string = COPY_PROMPTS_DIR): (request: CopyModelRequest) => Array<{ role: 'system' | 'user'; content: string }> {
  const system = template(dir, 'copy-system.md', ['brand', 'platform', 'marketplace', 'language', 'tone', 'required', 'values', 'banned', 'campaignFields']);
  const ask = template(dir, 'copy-request.md', ['count', 'platform', 'language', 'fields', 'facts']);
  const repair = template(dir, 'copy-repair.md', ['problems', 'previous', 'count']);
  return (request) => {
    const language = LANGUAGES[request.locale];
    const messages: Array<{ role: 'system' | 'user'; content: string }> = [
      {
        role: 'system',
        content: system({
          brand: request.brand.name,
          platform: request.platform.name,
          marketplace: request.platform.marketplace,
          language,
          tone: request.brand.tone,
          required: request.brand.requiredPhrases.join(', '),
          values: request.brand.coreValues.join(', '),
          banned: request.brand.bannedPhrases.join(', '),
          campaignFields: request.campaign && request.campaign.mayMentionIn.length > 0 ? request.campaign.mayMentionIn.join(', ') : 'none',
        }),
      },
      {
        role: 'user',
        content: ask({
          count: String(request.count),
          platform: request.platform.name,
          language,
          fields: request.fields.map((f) => `- ${f.name}${f.list ? ' (a list)' : ''}: ${f.rules.join('; ') || 'no limits'}`).join('\n'),
          facts: JSON.stringify({ product: request.product, brand: { vocabulary: request.brand.vocabulary }, campaign: request.campaign, avoidTitles: request.avoidTitles }, null, 2),
        }),
      },
    ];
    if (request.repair) {
      messages.push({
        role: 'user',
        content: repair({ problems: request.repair.problems.map((p) => `- ${p}`).join('\n'), previous: JSON.stringify(request.repair.previous, null, 2), count: String(request.count) }),
      });
    }
    return messages;
  };
}

/** Whether an error means "the answer did not fit the schema" rather than "no answer". */
function isSchemaError(error: unknown): boolean {
  if (error instanceof OutputParserException) return true;
  // langchain tags parse failures with an error code; zod and JSON errors may also surface bare.
  const code = (error as { lc_error_code?: unknown } | null)?.lc_error_code;
  const name = error instanceof Error ? error.name : '';
  return code === 'OUTPUT_PARSING_FAILURE' || name === 'ZodError' || name === 'SyntaxError';
}

/** A CopyModel over an OpenAI-compatible endpoint. */
export function createCopyModel(options: CopyModelOptions): CopyModel {
  const llm = new ChatOpenAI({
    model: options.model,
    apiKey: options.apiKey,
    ...(options.baseURL ? { configuration: { baseURL: options.baseURL } } : {}),
    // The domain does its own single repair round; transport retries would only add waiting.
    maxRetries: 0,
    timeout: options.timeoutMs ?? COPY_MODEL_TIMEOUT_MS,
    temperature: 0.8,
  });
  const prompts = copyPrompts(options.promptsDir);
  return {
    label: options.model,
    async generate(request: CopyModelRequest, schema: z.ZodType): Promise<CopyModelAnswer> {
      const structured = llm.withStructuredOutput(schema as z.ZodType<Record<string, unknown>>, { name: 'copy_variants', method: 'functionCalling' });
      try {
        return { ok: true, value: await structured.invoke(prompts(request)) };
      } catch (error) {
        // The message may quote the model's answer (product copy, no secrets); it is kept short.
        const text = error instanceof Error ? error.message : String(error);
        const message = text.replace(/Troubleshooting URL:\s*\S+/, '').replace(/\s+/g, ' ').trim().slice(0, 300);
        return { ok: false, reason: isSchemaError(error) ? 'schema' : 'unavailable', message };
      }
    },
  };
}

/** The copy model the configuration asks for, or null (no OPENAI_API_KEY: the composer writes). */
export function copyModelFromConfig(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>): CopyModel | null {
  if (!config.OPENAI_API_KEY) return null;
  return createCopyModel({
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
  });
}
