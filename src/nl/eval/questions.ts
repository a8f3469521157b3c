/**
 * The labelled questions of tests/fixtures/questions.jsonl and how an answer is compared with
 * the label. A label is the typed command a person would have written (or a clarification, or
 * "help" for a question the bot should not guess at); it is parsed by the same registry and zod
 * schemas as a typed command, so "right tool" and "exact arguments" mean what the pipeline runs.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseText } from '../../bot/command-grammar.ts';
import type { ToolRegistry } from '../../core/tools/registry.ts';

const questionSchema = z.object({
  id: z.number().int().positive(),
  q: z.string().min(1),
  lang: z.enum(['en', 'zh', 'mixed']),
  /** The typed command, "help", or a clarifying question asked on behalf of a command group. */
  expect: z.union([
    z.string().min(1),
    z.object({ clarify: z.enum(['whichPlatform', 'whichSku', 'whichCustomer']), group: z.string().min(1) }),
  ]),
  heldOut: z.boolean(),
});

/** One labelled question. */
export type LabelledQuestion = z.infer<typeof questionSchema>;

/** What a question should lead to, or what the router made of it, in comparable form. */
export type Call =
  | { kind: 'tool'; tool: string; args: unknown }
  | { kind: 'clarify'; question: string }
  | { kind: 'help' }
  | { kind: 'invalid'; tool: string; problem: string };

/** Reads and validates the JSON-lines file. */
export function loadQuestions(path: string): LabelledQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`questions line ${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
      return parsed.data;
    });
}

/** Parses a typed command exactly as the pipeline would, into the tool and its zod-parsed arguments. */
export function commandToCall(command: string, registry: ToolRegistry, platformCodes: ReadonlySet<string>): Call {
  if (command === 'help') return { kind: 'help' };
  const parsed = parseText(command, registry);
  if (parsed.kind !== 'command') return { kind: 'invalid', tool: '?', problem: `not a command: ${command}` };
  const candidate = parsed.tool.parseArgs(parsed.args, { platformCodes });
  const result = parsed.tool.input.safeParse(candidate);
  if (!result.success) return { kind: 'invalid', tool: parsed.tool.name, problem: result.error.issues.map((x) => x.message).join('; ') };
  return { kind: 'tool', tool: parsed.tool.name, args: result.data };
}

/** The label's expected call; null when the registry lacks the label's command (its tool has not landed). */
export function expectedCall(question: LabelledQuestion, registry: ToolRegistry, platformCodes: ReadonlySet<string>): Call | null {
  if (typeof question.expect !== 'string') {
    return registry.groups().includes(question.expect.group) ? { kind: 'clarify', question: question.expect.clarify } : null;
  }
  if (question.expect === 'help') return { kind: 'help' };
  const parsed = parseText(question.expect, registry);
  if (parsed.kind !== 'command') return null;
  return commandToCall(question.expect, registry, platformCodes);
}

/** Whether two calls name the same tool (or the same non-tool outcome). */
export function sameTool(a: Call, b: Call): boolean {
  if (a.kind === 'tool' && b.kind === 'tool') return a.tool === b.tool;
  if (a.kind === 'clarify' && b.kind === 'clarify') return true;
  return a.kind === b.kind;
}

/** Whether two calls are the same tool with exactly the same arguments (or the same clarification). */
export function sameCall(a: Call, b: Call): boolean {
  if (a.kind === 'tool' && b.kind === 'tool') return a.tool === b.tool && JSON.stringify(sortKeys(a.args)) === JSON.stringify(sortKeys(b.args));
  if (a.kind === 'clarify' && b.kind === 'clarify') return a.question === b.question;
  return a.kind === b.kind && a.kind === 'help';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
