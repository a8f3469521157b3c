/**
 * The offline, deterministic router for English and Chinese: turns a question into the typed
 * command a person would have written ("/stock WB-500 aliexpress"), asks back when the question
 * is ambiguous, and says so when it cannot place it. It never guesses a write.
 */
import type { ChatAction } from '../../core/reply.ts';
import { INTENT_CUES } from './lexicon.ts';
import { extractSlots, type RouterCatalogue, type Slots } from './slots.ts';

/** What the router made of a question. */
export type Route =
  | { kind: 'command'; command: string; intent: string }
  | { kind: 'clarify'; intent: string; question: 'whichPlatform' | 'whichSku'; options: ChatAction[] }
  | { kind: 'unknown' };

/** One intent: how it is recognised, and the command it becomes. */
interface IntentRule {
  name: string;
  /** The command group it needs in the registry, e.g. "stock". */
  group: string;
  score(text: string, slots: Slots): number;
  build(slots: Slots): Route;
}

const cueScore = (name: string, text: string): number => (INTENT_CUES[name] ?? []).filter((re) => re.test(text)).length;

const INTENTS: IntentRule[] = [
  {
    name: 'stock',
    group: 'stock',
    // A bare SKU ("WB-500 on aliexpress?") is a stock question too.
    score: (text, slots) => cueScore('stock', text) * 2 + (slots.skus.length > 0 ? 1 : 0),
    build(slots) {
      const sku = slots.skus[0] ?? slots.productQuery;
      if (!sku) return { kind: 'clarify', intent: 'stock', question: 'whichSku', options: [] };
      if (slots.ambiguousPlatform && slots.platforms.length === 0) {
        return {
          kind: 'clarify',
          intent: 'stock',
          question: 'whichPlatform',
          options: slots.ambiguousPlatform.map((code) => ({ id: `nl:${code}`, label: code, command: `/stock ${sku} ${code}` })),
        };
      }
      const platform = slots.platforms[0];
      return { kind: 'command', intent: 'stock', command: platform ? `/stock ${sku} ${platform}` : `/stock ${sku}` };
    },
  },
  {
    name: 'whoami',
    group: 'whoami',
    score: (text) => cueScore('whoami', text) * 3,
    build: () => ({ kind: 'command', intent: 'whoami', command: '/whoami' }),
  },
  {
    name: 'help',
    group: 'help',
    score: (text) => cueScore('help', text) * 2,
    build: () => ({ kind: 'command', intent: 'help', command: '/help' }),
  },
];

/**
 * Routes `text` to a command. `groups` are the command groups the registry has, so the router
 * never proposes a command that does not exist.
 */
export function route(text: string, catalogue: RouterCatalogue, groups: ReadonlySet<string>): Route {
  const slots = extractSlots(text, catalogue);
  let best: { rule: IntentRule; score: number } | null = null;
  for (const rule of INTENTS) {
    if (!groups.has(rule.group)) continue;
    const score = rule.score(text, slots);
    if (score > 0 && (!best || score > best.score)) best = { rule, score };
  }
  return best ? best.rule.build(slots) : { kind: 'unknown' };
}
