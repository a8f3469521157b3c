import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/core/tools/index.ts';
import { evaluateModelPath, oracleAnswers, oracleScript } from '../../../src/nl/eval/model-eval.ts';
import { loadQuestions } from '../../../src/nl/eval/questions.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.ts';
import type { Db } from '../../../src/persistence/db.ts';

let db: Db;
let dispose: () => Promise<void>;
let now: Date;
let fake: FakeOpenAi | undefined;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  now = new Date(demo.referenceDate.getTime() + 12 * 3_600_000);
});

afterAll(async () => {
  await fake?.close();
  await dispose();
});

const questions = () => loadQuestions(join(import.meta.dirname, '..', '..', 'fixtures', 'questions.jsonl'));

describe('model path on the labelled questions (against the loopback fake)', () => {
  // The held-out part here; `npm run eval:nl` scores every question (some tools take seconds each).
  it('reaches the labelled tool with exactly the labelled arguments, within the call and token budgets', async () => {
    const registry = createRegistry();
    const heldOut = questions().filter((q) => q.heldOut);
    fake = await startFakeOpenAi(oracleScript(await oracleAnswers(heldOut, db, registry)));
    const result = await evaluateModelPath(heldOut, { db, registry, now, endpoint: { baseURL: fake.baseURL } });
    const misses = JSON.stringify(result.misses.slice(0, 5));
    expect(result.all.total).toBeGreaterThan(40);
    expect(result.fallbacks).toBe(0);
    expect(result.all.rightTool / result.all.total, misses).toBeGreaterThanOrEqual(0.95);
    expect(result.all.exactArgs / result.all.total, misses).toBeGreaterThanOrEqual(0.9);
    expect(result.heldOut.total).toBe(result.all.total);
    expect(result.perQuestion.modelCalls).toBeLessThanOrEqual(2);
    expect(result.perQuestion.promptTokens).toBeGreaterThan(0);
  }, 180_000);

  it('counts a model that picks the wrong tool as wrong', async () => {
    const registry = createRegistry();
    const some = questions().filter((q) => typeof q.expect === 'string' && q.expect.startsWith('/stock')).slice(0, 10);
    await fake?.close();
    fake = await startFakeOpenAi((request) =>
      request.messages.some((m) => m.role === 'tool') ? { content: 'Here you are.' } : { toolCalls: [{ name: 'whoami', arguments: {} }] },
    );
    const result = await evaluateModelPath(some, { db, registry, now, endpoint: { baseURL: fake.baseURL } });
    expect(result.all.total).toBe(10);
    expect(result.all.rightTool).toBe(0);
    expect(result.misses).toHaveLength(10);
    expect(result.misses[0]?.got).toEqual({ kind: 'tool', tool: 'whoami', args: {} });
  });
});
