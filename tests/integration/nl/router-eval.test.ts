import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/core/tools/index.ts';
import { routerCatalogue } from '../../../src/nl/router/index.ts';
import { loadQuestions } from '../../../src/nl/eval/questions.ts';
import { evaluateRouter } from '../../../src/nl/eval/router-eval.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';
import type { Db } from '../../../src/persistence/db.ts';

let db: Db;
let dispose: () => Promise<void>;
let now: Date;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  now = new Date(demo.referenceDate.getTime() + 12 * 3_600_000);
});

afterAll(async () => {
  await dispose();
});

describe('offline router on the labelled questions', () => {
  it('has at least 200 questions, about half English and half Chinese, with a held-out part', () => {
    const questions = loadQuestions(join(import.meta.dirname, '..', '..', 'fixtures', 'questions.jsonl'));
    expect(questions.length).toBeGreaterThanOrEqual(200);
    const zh = questions.filter((q) => q.lang === 'zh').length;
    const en = questions.filter((q) => q.lang === 'en').length;
    expect(Math.abs(zh - en)).toBeLessThan(questions.length * 0.15);
    expect(questions.filter((q) => q.heldOut).length).toBeGreaterThan(40);
  });

  it('picks the right tool for ≥ 95 % and exactly right arguments for ≥ 90 % of the questions it can answer', async () => {
    const questions = loadQuestions(join(import.meta.dirname, '..', '..', 'fixtures', 'questions.jsonl'));
    const result = evaluateRouter(questions, await routerCatalogue.get(db), createRegistry(), now);
    expect(result.all.total).toBeGreaterThan(90);
    expect(result.all.rightTool / result.all.total, JSON.stringify(result.misses.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
    expect(result.all.exactArgs / result.all.total, JSON.stringify(result.misses.slice(0, 5))).toBeGreaterThanOrEqual(0.9);
  });
});
