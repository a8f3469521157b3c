/**
 * Suggested prompts for an assistant thread, fitted to who is asking: a manager first sees budget
 * approvals, customer service a customer lookup, marketing copy, operations stock. A prompt is
 * offered only when the registry has its command, the person may run it, and it does not write,
 * so pressing a suggestion never changes data. Prompts for tools that do not exist yet simply stay
 * hidden until the tool lands.
 *
 * (A prompt message is the tool's own example, so it always parses, and it works before the NL
 * layer understands free text.)
 */
import type { MessageKey, Translate } from '../../i18n/index.ts';
import type { Role } from '../../roles.ts';
import { mayRun, type Actor } from '../../tool.ts';
import type { ToolRegistry } from '../../tools/registry.ts';

/** One suggestion: a title shown on the chip and the message it sends. */
export interface SuggestedPrompt {
  title: string;
  message: string;
}

interface PromptSpec {
  /** The command whose example the prompt sends. */
  command: string;
  /** Which of the tool's examples to send. */
  example: number;
  title: MessageKey;
}

// Ordered by what each role most often needs first.
const BY_ROLE: Record<Role, readonly PromptSpec[]> = {
  manager: [
    { command: '/budget', example: 0, title: 'assistant.prompt.budgetPending' },
    { command: '/alloc', example: 0, title: 'assistant.prompt.alloc' },
    { command: '/stock', example: 0, title: 'assistant.prompt.stock' },
  ],
  cs: [
    { command: '/customer', example: 0, title: 'assistant.prompt.customer' },
    { command: '/stock', example: 0, title: 'assistant.prompt.stock' },
  ],
  marketing: [
    { command: '/copy', example: 0, title: 'assistant.prompt.copy' },
    { command: '/brand', example: 0, title: 'assistant.prompt.brand' },
    { command: '/margin', example: 0, title: 'assistant.prompt.margin' },
  ],
  staff: [
    { command: '/stock', example: 0, title: 'assistant.prompt.stock' },
    { command: '/stock', example: 1, title: 'assistant.prompt.stockPlatform' },
    { command: '/alloc', example: 0, title: 'assistant.prompt.alloc' },
  ],
  admin: [
    { command: '/team', example: 0, title: 'assistant.prompt.team' },
    { command: '/stock', example: 0, title: 'assistant.prompt.stock' },
  ],
};

const FOR_EVERYONE: readonly PromptSpec[] = [
  { command: '/ask', example: 0, title: 'assistant.prompt.ask' },
  { command: '/help', example: 0, title: 'assistant.prompt.help' },
  { command: '/whoami', example: 0, title: 'assistant.prompt.whoami' },
];

/** Slack shows at most four suggested prompts. */
export const MAX_PROMPTS = 4;

/** The prompts for `actor`, in their language (`t`), at most {@link MAX_PROMPTS}. */
export function suggestedPrompts(registry: ToolRegistry, actor: Pick<Actor, 'roles'>, t: Translate, max = MAX_PROMPTS): SuggestedPrompt[] {
  const specs = [...actor.roles.flatMap((role) => BY_ROLE[role]), ...FOR_EVERYONE];
  const prompts: SuggestedPrompt[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const tool = registry.all().find((candidate) => candidate.command === spec.command);
    const message = tool?.examples[spec.example];
    // Reads and proposals only: pressing a suggestion must never change data.
    if (!tool || message === undefined || tool.effect === 'write' || !mayRun(tool, actor) || seen.has(message)) continue;
    seen.add(message);
    prompts.push({ title: t(spec.title), message });
    if (prompts.length === max) break;
  }
  return prompts;
}
