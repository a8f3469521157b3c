/**
 * The model path end to end: the real pipeline, tools and demo database, the real langchain
 * agent and ChatOpenAI client, and a loopback OpenAI-compatible server returning scripted tool
 * calls. The scripts read the request the way a model would (the question, the conversation, the
 * tool results), so what they answer depends on what the agent actually sent.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mayRun } from '../../../src/core/tool.ts';
import { createRegistry } from '../../../src/core/tools/index.ts';
import { agentMayCall } from '../../../src/nl/agent/agent-tools.ts';
import { MAX_MODEL_CALLS } from '../../../src/nl/agent/agent.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { agentPipeline, type AgentPipeline } from '../../helpers/agent-pipeline.ts';
import { testPipeline, replyText, type TestPipeline } from '../../helpers/pipeline.ts';
import { lastUserText, messageText, toolResultsOfTurn, type ChatCompletionRequest, type Script, type WireMessage } from '../../fakes/openai-server.ts';
import type { Db } from '../../../src/persistence/db.ts';

let db: Db;
let dispose: () => Promise<void>;
let now: Date;
let typed: TestPipeline;
let agent: AgentPipeline | undefined;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  now = new Date(demo.referenceDate.getTime() + 12 * 3_600_000);
  typed = testPipeline(db, now);
});

afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

afterAll(async () => {
  await dispose();
});

const start = async (script: Script, setup: Parameters<typeof agentPipeline>[3] = {}) => {
  agent = await agentPipeline(db, now, script, setup);
  return agent;
};

/** The JSON inside a tool message's <data> block. */
function dataOf(message: WireMessage | undefined): Record<string, unknown> {
  const match = /^<data tool="[\w-]+">\n([\s\S]*)\n<\/data>$/.exec(message ? messageText(message) : '');
  if (!match?.[1]) throw new Error(`not a data block: ${message ? messageText(message).slice(0, 200) : 'none'}`);
  return JSON.parse(match[1]) as Record<string, unknown>;
}

const PLATFORM_WORDS: Array<[RegExp, string]> = [
  [/amazon[ -]?us|美国亚马逊/i, 'amazon-us'],
  [/germany|amazon[ -]?de|德国/i, 'amazon-de'],
  [/ali ?express|速卖通/i, 'aliexpress'],
];

/** The SKU code in a text, if any. */
const skuIn = (text: string) => /\b([a-z]{1,4})-?(\d{2,4})\b/i.exec(text)?.slice(1, 3).join('-').toUpperCase();

/** The query of the last stock call earlier in the conversation (what a model would reuse for a follow-up). */
function earlierSku(request: ChatCompletionRequest): string | undefined {
  return request.messages
    .flatMap((m) => m.tool_calls ?? [])
    .map((c) => (JSON.parse(c.function.arguments) as { query?: string }).query)
    .filter((q): q is string => typeof q === 'string')
    .at(-1);
}

/**
 * A model that answers stock questions: a stock call from the question (or the conversation, for a
 * follow-up), then one or two sentences built from the tool's data, in the question's language.
 */
const stockModel: Script = (request) => {
  const results = toolResultsOfTurn(request);
  const question = lastUserText(request);
  const zh = /\p{Script=Han}/u.test(question);
  if (results.length === 0) {
    const sku = skuIn(question) ?? earlierSku(request);
    if (!sku) return { content: zh ? '你指的是哪个产品？' : 'Which product do you mean?' };
    const platform = PLATFORM_WORDS.find(([re]) => re.test(question))?.[1];
    return { toolCalls: [{ name: 'stock', arguments: { query: sku, ...(platform ? { platform } : {}) } }] };
  }
  const data = dataOf(results.at(-1));
  const available = /(\d[\d,]*)/.exec(String(data.summary))?.[1] ?? '?';
  return { content: zh ? `这里可用 ${available} 件。请留意断货日期。` : `There are ${available} available. Watch the stock-out date.` };
};

describe('model path: the normal flow', () => {
  it('answers with the stock tool’s own reply plus the model’s sentences, in two model calls', async () => {
    const a = await start(stockModel);
    const out = await a.say('bob', 'how many WB-500 for amazon us');
    const direct = await typed.say('bob', '/stock WB-500 amazon-us');

    expect(out.tool).toBe('stock');
    expect(out.args).toEqual({ query: 'WB-500', platform: 'amazon-us' });
    expect(out.reply.kind).toBe('result');
    // The tool's own reply: same title, tables, notes and buttons as the typed command.
    expect(out.reply.title).toBe(direct.reply.title);
    expect(out.reply.tables).toEqual(direct.reply.tables);
    expect(out.reply.actions).toEqual(direct.reply.actions);
    const available = /Available ([\d,]+)/.exec(direct.reply.summary ?? '')?.[1];
    expect(out.reply.summary).toBe(`There are ${available} available. Watch the stock-out date.\n${direct.reply.summary}`);

    expect(a.fake.requests).toHaveLength(2);
    const [first, second] = a.fake.requests.map((r) => r.body);
    // The system prompt comes from prompts/agent-system.md, filled for this question.
    expect(messageText(first!.messages[0]!)).toContain('Tool results come inside <data>');
    expect(messageText(first!.messages[0]!)).toContain('Today is 2026-11-20');
    // The offered tools are the registry's reads and proposals that bob may run, nothing else.
    const registry = createRegistry();
    const bob = { roles: ['staff' as const] };
    const expected = registry.all().filter((t) => agentMayCall(t) && mayRun(t, bob)).map((t) => t.name);
    expect(first!.tools?.map((t) => t.function.name)).toEqual(expected);
    expect(first!.tools?.map((t) => t.function.name)).not.toContain('team-link');
    // Once the tool answered well, the model only comments: the short prompt, no tool definitions.
    expect(second!.tools ?? []).toEqual([]);
    expect(messageText(second!.messages[0]!)).toContain('The user has already been shown the tool\'s answer');
    expect(toolResultsOfTurn(second!)).toHaveLength(1);
    expect(messageText(toolResultsOfTurn(second!)[0]!)).toMatch(/^<data tool="stock">\n\{"kind":"result","title":"Stock · WB-500/);
  });

  it('counts prompt and completion tokens per question and logs them without content', async () => {
    const a = await start(stockModel);
    await a.say('bob', 'how many WB-500 for amazon us');
    const line = a.logs.find((l) => l.msg === 'nl question');
    expect(line).toMatchObject({ nl: 'agent', outcome: 'answered', modelCalls: 2, actor: 'bob', via: 'console' });
    expect(line?.promptTokens).toBe(a.fake.requests.reduce((n, r) => n + r.promptTokens, 0));
    expect(line?.completionTokens).toBe(a.fake.requests.reduce((n, r) => n + r.completionTokens, 0));
    expect(line?.promptTokens).toBeGreaterThan(300);
    const everything = JSON.stringify(a.logs);
    expect(everything).not.toContain('how many');
    expect(everything).not.toContain('sk-test-not-a-real-key');
    expect(everything).not.toContain('Watch the stock-out');
  });

  it('answers a Chinese question in Chinese, and drops model sentences in the wrong language', async () => {
    const a = await start(stockModel);
    const zh = await a.say('bob', '速卖通上 WB-500 还剩多少？');
    expect(zh.reply.locale).toBe('zh');
    expect(zh.args).toEqual({ query: 'WB-500', platform: 'aliexpress' });
    expect(zh.reply.title).toMatch(/^库存 · WB-500 · .* · aliexpress$/);
    expect(zh.reply.summary?.split('\n')[0]).toMatch(/^这里可用 [\d,]+ 件。请留意断货日期。$/);

    a.fake.setScript((request, i) => (toolResultsOfTurn(request).length === 0 ? stockModel(request, i) : { content: 'There are plenty left on AliExpress.' }));
    const wrongLanguage = await a.say('bob', '速卖通上 WB-500 还剩多少？', { channelId: 'other' });
    const direct = await typed.say('bob', '/stock WB-500 aliexpress', { localeHint: 'zh' });
    expect(wrongLanguage.reply.summary).toBe(direct.reply.summary);
  });

  it('keeps at most two sentences from the model', async () => {
    const a = await start((request, i) =>
      toolResultsOfTurn(request).length === 0 ? stockModel(request, i) : { content: 'First point. Second point! Third point? Fourth.' },
    );
    const out = await a.say('bob', 'what is left of WB-500?');
    expect(out.reply.summary?.split('\n')[0]).toBe('First point. Second point!');
  });
});

describe('model path: per-thread memory', () => {
  it('answers "and for Germany?" from the previous question of the same thread', async () => {
    const a = await start(stockModel);
    await a.say('bob', 'how many WB-500 for amazon us', { channelId: 'C1' });
    const followUp = await a.say('bob', 'and for Germany?', { channelId: 'C1' });
    expect(followUp.tool).toBe('stock');
    expect(followUp.args).toEqual({ query: 'WB-500', platform: 'amazon-de' });
    expect(followUp.reply.title).toMatch(/^Stock · WB-500 · .* · amazon-de$/);
    // The model saw the earlier turn: the question, the tool call, and a line of the answer.
    const sent = a.fake.requests.at(-2)!.body.messages;
    expect(sent.filter((m) => m.role === 'user').map(messageText)).toEqual(['how many WB-500 for amazon us', 'and for Germany?']);
    expect(sent.some((m) => m.tool_calls?.some((c) => c.function.name === 'stock'))).toBe(true);
  });

  it('keeps threads and people apart', async () => {
    const a = await start(stockModel);
    await a.say('bob', 'how many WB-500 for amazon us', { channelId: 'C1' });
    const otherChannel = await a.say('bob', 'and for Germany?', { channelId: 'C2' });
    expect(otherChannel.tool).toBeNull();
    expect(otherChannel.reply.summary).toBe('Which product do you mean?');
    const otherPerson = await a.say('alice', 'and for Germany?', { channelId: 'C1' });
    expect(otherPerson.reply.summary).toBe('Which product do you mean?');
  });
});

describe('model path: malformed tool arguments', () => {
  it('sends the zod error back once, then answers gracefully without a third call', async () => {
    const a = await start(() => ({ toolCalls: [{ name: 'stock', arguments: { query: 'W' } }] }));
    const out = await a.say('bob', 'how many W do we have');
    expect(a.fake.requests).toHaveLength(2);
    const error = messageText(toolResultsOfTurn(a.fake.requests[1]!.body)[0]!);
    expect(error).toContain('ERROR: invalid arguments for stock');
    expect(error).toContain('give a SKU code such as WB-500, or at least 2 letters of a product name');
    expect(out.reply.kind).toBe('error');
    expect(out.tool).toBe('stock');
    expect(out.reply.summary).toContain('I could not work out the details for /stock from your question');
    expect(replyText(out)).toContain('Usage: /stock <sku | product name> [platform]');
    expect(a.questions.at(-1)?.stats).toMatchObject({ outcome: 'invalid', modelCalls: 2 });
  });

  it('runs the tool when the model fixes its arguments after the error', async () => {
    const a = await start((request) => {
      const results = toolResultsOfTurn(request);
      if (results.length === 0) return { toolCalls: [{ name: 'stock', arguments: { platform: 'amazon-us' } }] };
      if (results.length === 1) return { toolCalls: [{ name: 'stock', arguments: { query: 'WB-500', platform: 'amazon-us' } }] };
      return { content: 'Fixed it.' };
    });
    const out = await a.say('bob', 'what do we have of the 500 ml bottle on amazon us?');
    expect(out.args).toEqual({ query: 'WB-500', platform: 'amazon-us' });
    expect(out.reply.kind).toBe('result');
    expect(out.reply.summary?.startsWith('Fixed it.\n')).toBe(true);
    expect(a.fake.requests).toHaveLength(MAX_MODEL_CALLS);
  });

  it('treats arguments that are not JSON the same way', async () => {
    const a = await start(() => ({ toolCalls: [{ name: 'stock', arguments: '{"query": "WB-500", ' }] }));
    const out = await a.say('bob', 'how many WB-500 are left?');
    expect(a.fake.requests).toHaveLength(2);
    expect(messageText(toolResultsOfTurn(a.fake.requests[1]!.body)[0]!)).toContain('not valid JSON');
    expect(out.reply.kind).toBe('error');
    expect(replyText(out)).toContain('Usage: /stock');
  });

  it('never makes more than three model calls for one question', async () => {
    const a = await start(() => ({ toolCalls: [{ name: 'whoami', arguments: {} }] }));
    const out = await a.say('bob', 'who am I, really?');
    const direct = await typed.say('bob', '/whoami');
    expect(a.fake.requests).toHaveLength(MAX_MODEL_CALLS);
    expect(out.tool).toBe('whoami');
    // Three identical calls are one answer.
    expect(out.reply.fields).toEqual(direct.reply.fields);
  });
});

describe('model path: timeouts and failures fall back to the offline router', () => {
  it('answers through the router, with a note, when the model does not reply in time', async () => {
    const a = await start(() => ({ hang: true }), { timeoutMs: 300 });
    const out = await a.say('bob', 'how many WB-500 for amazon us');
    const direct = await typed.say('bob', '/stock WB-500 amazon-us');
    expect(out.tool).toBe('stock');
    expect(out.args).toEqual({ query: 'WB-500', platform: 'amazon-us' });
    expect(out.reply.tables).toEqual(direct.reply.tables);
    expect(out.reply.notes?.at(-1)).toBe('Answered by the offline router: the language model did not reply within 0.3 s.');
    expect(a.questions.at(-1)?.stats).toMatchObject({ outcome: 'fallback', fallback: 'timeout' });
  });

  it('says so in Chinese for a Chinese question', async () => {
    const a = await start(() => ({ hang: true }), { timeoutMs: 300 });
    const out = await a.say('bob', '速卖通上 WB-500 还剩多少？');
    expect(out.reply.title).toMatch(/^库存 · WB-500 · .* · aliexpress$/);
    expect(out.reply.notes?.at(-1)).toBe('由离线路由回答：语言模型在 0.3 秒内没有响应。');
  });

  it('falls back when the endpoint answers with an error', async () => {
    const a = await start(() => ({ status: 500, error: 'upstream exploded' }));
    const out = await a.say('bob', 'how many WB-500 for amazon us');
    expect(out.tool).toBe('stock');
    expect(out.reply.notes?.at(-1)).toBe('Answered by the offline router: the language model could not be reached.');
    expect(JSON.stringify(a.logs)).not.toContain('upstream exploded');
  });

  it('keeps the tool’s answer when the model times out after the tool ran', async () => {
    // Long enough for the first call and the tool on a busy machine; the second call never answers.
    const a = await start((request, i) => (toolResultsOfTurn(request).length === 0 ? stockModel(request, i) : { hang: true }), { timeoutMs: 5_000 });
    const out = await a.say('bob', 'how many WB-500 for amazon us');
    const direct = await typed.say('bob', '/stock WB-500 amazon-us');
    expect(out.reply.summary).toBe(direct.reply.summary);
    expect(out.reply.notes?.at(-1)).toBe('The language model did not finish in time; this is the tool’s answer without its comment.');
  });

  it('gives help, not a guess, when neither the model nor the router can place the question', async () => {
    const a = await start(() => ({ hang: true }), { timeoutMs: 300 });
    const out = await a.say('bob', 'sing me a song about the sea');
    expect(out.tool).toBe('help');
    expect(out.reply.summary).toContain('I could not place that question.');
    expect(out.reply.notes?.at(-1)).toContain('offline router');
  });
});

describe('model path: tools the user may not run', () => {
  it('offers only what the user may run, and a call to anything else gets the pipeline’s own refusal', async () => {
    const registry = createRegistry();
    const carol = { roles: ['cs' as const] };
    const forbidden = registry.all().find((t) => agentMayCall(t) && !mayRun(t, carol) && t.examples.length > 0);
    if (!forbidden) throw new Error('the registry has no read tool that customer service may not run');
    const example = forbidden.examples[0]!;
    const exampleArgs = forbidden.parseArgs(example.split(/\s+/).slice(forbidden.command.split(' ').length), { platformCodes: new Set(['amazon-us', 'amazon-de', 'aliexpress', 'shopee-my', 'tiktok-us', 'shopify']) });

    const a = await start((request) =>
      toolResultsOfTurn(request).length === 0 ? { toolCalls: [{ name: forbidden.name, arguments: exampleArgs }] } : { content: 'You may not run that.' },
    );
    const out = await a.say('carol', `please run ${forbidden.name} for me`);
    const direct = await typed.say('carol', example);
    expect(a.fake.requests[0]!.body.tools?.map((t) => t.function.name)).not.toContain(forbidden.name);
    expect(out.reply.kind).toBe('denied');
    expect(out.reply.summary).toBe(direct.reply.summary);
    expect(messageText(toolResultsOfTurn(a.fake.requests[1]!.body)[0]!)).toContain(`REFUSED: this user may not run ${forbidden.command}`);
    expect(a.logs.some((l) => l.msg === 'tool refused' && l.tool === forbidden.name)).toBe(true);
  });

  it('never runs a write, even for someone allowed to run it, and offers the typed command instead', async () => {
    const before = await db.teamMember.findUniqueOrThrow({ where: { handle: 'bob' }, select: { slackUserId: true } });
    const audits = await db.auditEvent.count();
    const a = await start((request) =>
      toolResultsOfTurn(request).length === 0
        ? { toolCalls: [{ name: 'team-link', arguments: { handle: 'bob', platform: 'slack', userId: 'U0TESTLINK' } }] }
        : { content: 'I cannot do that myself.' },
    );
    const out = await a.say('erin', 'link bob to slack user U0TESTLINK');
    expect(a.fake.requests[0]!.body.tools?.map((t) => t.function.name)).not.toContain('team-link');
    expect(messageText(toolResultsOfTurn(a.fake.requests[1]!.body)[0]!)).toContain('REFUSED: /team link changes data');
    expect(out.reply.kind).toBe('denied');
    expect(out.reply.summary).toBe('I don’t change data from a plain-language question. /team link changes data, so a person has to run it: type it or press its button.');
    expect(await db.teamMember.findUniqueOrThrow({ where: { handle: 'bob' }, select: { slackUserId: true } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(audits);
  });
});
