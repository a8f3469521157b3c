/**
 * The offline, deterministic router for English and Chinese: turns a question into the typed
 * command a person would have written ("/stock WB-500 aliexpress"), asks back when the question
 * is ambiguous, and says so when it cannot place it. It never guesses a write.
 */
import type { ChatAction } from '../../core/reply.ts';
import { INTENT_CUES } from './lexicon.ts';
import { extractSlots, type RouterCatalogue, type Slots } from './slots.ts';
import { findAmount, findCount, findEmail, findOrderId, findPeriod, findPhone } from './values.ts';

/** Everything the intents can read: the slots plus values found in the raw text. */
interface Facts extends Slots {
  text: string;
  now: Date;
  catalogue: RouterCatalogue;
}

/** What the router made of a question. */
export type Route =
  | { kind: 'command'; command: string; intent: string }
  | { kind: 'clarify'; intent: string; question: 'whichPlatform' | 'whichSku' | 'whichCustomer'; options: ChatAction[] }
  | { kind: 'unknown' };

/** One intent: how it is recognised, and the command it becomes. */
interface IntentRule {
  name: string;
  /** The command group it needs in the registry, e.g. "stock". */
  group: string;
  score(text: string, facts: Facts): number;
  build(facts: Facts): Route;
}

const cueScore = (name: string, text: string): number => (INTENT_CUES[name] ?? []).filter((re) => re.test(text)).length;

const INTENTS: IntentRule[] = [
  {
    name: 'reorder',
    group: 'alloc',
    score: (text) => cueScore('reorder', text) * 3,
    build: () => ({ kind: 'command', intent: 'reorder', command: '/alloc reorder' }),
  },
  {
    name: 'alloc',
    group: 'alloc',
    score: (text, f) => cueScore('alloc', text) * 3 + (f.skus.length > 0 && cueScore('alloc', text) > 0 ? 1 : 0),
    build: (f) => {
      const sku = f.skus[0] ?? knownProduct(f);
      return { kind: 'command', intent: 'alloc', command: sku ? `/alloc ${sku}` : '/alloc' };
    },
  },
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
    name: 'budget',
    group: 'budget',
    // "split 80k for December" is a budget question even without the word.
    score: (text, f) => cueScore('budget', text) * 2 + (findAmount(text) && findPeriod(text, f.now) && /split|divide|allocat|分|配/i.test(text) ? 3 : 0),
    build: (f) => {
      const amount = findAmount(f.text);
      if (!amount) return { kind: 'command', intent: 'budget', command: '/budget' };
      const period = findPeriod(f.text, f.now) ?? findPeriod('next month', f.now);
      return { kind: 'command', intent: 'budget-suggest', command: `/budget suggest ${period} ${amount.value}` };
    },
  },
  {
    name: 'customer',
    group: 'customer',
    score: (text) => cueScore('customer', text) * 2 + (findEmail(text) ? 3 : 0) + (findOrderId(text) ? 2 : 0),
    build: (f) => {
      const key = findEmail(f.text) ?? findOrderId(f.text) ?? findPhone(f.text) ?? personName(f.text);
      if (!key) return { kind: 'clarify', intent: 'customer', question: 'whichCustomer', options: [] };
      return { kind: 'command', intent: 'customer', command: `/customer ${key}` };
    },
  },
  {
    name: 'copy',
    group: 'copy',
    score: (text, f) => cueScore('copy', text) * 2 + (f.locales.length > 0 ? 1 : 0),
    build: (f) => {
      // /copy takes one SKU code, so a product name must resolve to exactly one SKU.
      const candidates = f.skus.length > 0 ? f.skus.slice(0, 1) : skusNamed(f);
      if (candidates.length !== 1) {
        const options = candidates.slice(0, 8).map((code) => ({ id: `nl:${code}`, label: code, command: copyCommand(f, code) }));
        return { kind: 'clarify', intent: 'copy', question: 'whichSku', options };
      }
      return { kind: 'command', intent: 'copy', command: copyCommand(f, candidates[0] as string) };
    },
  },
  {
    name: 'margin',
    group: 'margin',
    score: (text, f) => cueScore('margin', text) * 3 + (f.skus.length > 0 && cueScore('margin', text) > 0 ? 1 : 0),
    build: (f) => {
      const sku = f.skus[0] ?? f.productQuery;
      if (!sku) return { kind: 'clarify', intent: 'margin', question: 'whichSku', options: [] };
      return { kind: 'command', intent: 'margin', command: ['/margin', sku, f.platforms[0]].filter(Boolean).join(' ') };
    },
  },
  {
    name: 'brand',
    group: 'brand',
    score: (text) => cueScore('brand', text) * 2,
    build: (f) =>
      /audit|check|审核|审查|违规/i.test(f.text)
        ? { kind: 'command', intent: 'brand-audit', command: ['/brand audit', f.platforms[0]].filter(Boolean).join(' ') }
        : { kind: 'command', intent: 'brand', command: '/brand' },
  },
  {
    name: 'campaign',
    group: 'campaign',
    score: (text) => cueScore('campaign', text) * 2,
    build: (f) => {
      const campaign = (f.catalogue.campaignCodes ?? []).find((c) => campaignPattern(c).test(f.text));
      return { kind: 'command', intent: 'campaign', command: campaign ? `/campaign ${campaign}` : '/campaign' };
    },
  },
  {
    name: 'team',
    group: 'team',
    score: (text) => cueScore('team', text) * 2,
    build: () => ({ kind: 'command', intent: 'team', command: '/team' }),
  },
  {
    name: 'ask',
    group: 'ask',
    // Knowledge questions outrank the tools whose words they share ("title limit" is not copy).
    score: (text) => cueScore('ask', text) * 5,
    build: (f) => ({ kind: 'command', intent: 'ask', command: `/ask ${f.text.trim()}` }),
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
export function route(text: string, catalogue: RouterCatalogue, groups: ReadonlySet<string>, now: Date = new Date()): Route {
  const facts: Facts = { ...extractSlots(text, catalogue), text, now, catalogue };
  let best: { rule: IntentRule; score: number } | null = null;
  for (const rule of INTENTS) {
    if (!groups.has(rule.group)) continue;
    const score = rule.score(text, facts);
    // Ties go to the earlier rule: more specific intents come first.
    if (score > 0 && (!best || score > best.score)) best = { rule, score };
  }
  return best ? best.rule.build(facts) : { kind: 'unknown' };
}

/** The typed /copy command for one SKU, with the campaign, platforms, languages and count asked for. */
function copyCommand(f: Facts, sku: string): string {
  const campaign = (f.catalogue.campaignCodes ?? []).find((c) => campaignPattern(c).test(f.text));
  const n = findCount(f.text);
  return ['/copy', sku, campaign, ...f.platforms, ...f.locales, n === null ? undefined : String(n)].filter(Boolean).join(' ');
}

/** SKU codes whose names contain every word of the product query (Chinese: the query itself). */
function skusNamed(f: Facts): string[] {
  const query = f.productQuery?.toLowerCase();
  if (!query) return [];
  const words = query.split(/\s+/).filter(Boolean);
  return f.catalogue.names.filter((e) => e.names.some((n) => words.every((w) => n.toLowerCase().includes(w)))).map((e) => e.code);
}

/** The product query when it names at least one product, else null (so filler words are not taken for a name). */
function knownProduct(f: Facts): string | null {
  return skusNamed(f).length > 0 ? f.productQuery : null;
}

/** "black-friday" also matches "black friday" and "Black Friday". */
function campaignPattern(code: string): RegExp {
  const aliases: Record<string, string> = { 'black-friday': '|黑五|黑色星期五', '11-11': '|双十一|双11|11\\.11', anniversary: '|周年' };
  return new RegExp(`${code.replace(/-/g, '[\\s-]?')}${aliases[code] ?? ''}`, 'i');
}

/** A person's name in "what did jane doe buy", "jane doe's orders", "张伟买过什么". */
function personName(text: string): string | null {
  const en =
    /(?:what did|has|have|did|about|for|customer|buyer)\s+([a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?)\s+(?:buy|bought|order|purchase)/i.exec(text) ??
    /\b([a-z][a-z'’-]+\s+[a-z][a-z'’-]+)['’]s\s+(?:orders?|history|purchases?)/i.exec(text) ??
    /(?:customer|buyer|look ?up)\s+([a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?)\s*\??$/i.exec(text);
  if (en && !/^(a|an|the|this|that|our|my|some|any|customer|buyer)\b/i.test(en[1] as string)) return (en[1] as string).trim();
  const zh = /([\p{Script=Han}]{2,4})(?:买过|买了|的订单|的购买|的历史)/u.exec(text) ?? /(?:客户|顾客|买家)\s*([\p{Script=Han}]{2,4}|[A-Za-z]+(?:\s+[A-Za-z]+)?)/u.exec(text);
  return zh ? (zh[1] as string).trim() : null;
}
