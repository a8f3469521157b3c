/** Scores the offline router on the labelled questions: right tool, and exactly right arguments. */
import type { ToolRegistry } from '../../core/tools/registry.ts';
import { route } from '../router/router.ts';
import type { RouterCatalogue } from '../router/slots.ts';
import { commandToCall, expectedCall, sameCall, sameTool, type Call, type LabelledQuestion } from './questions.ts';

/** Shares for one part of the question set. */
export interface EvalScore {
  total: number;
  rightTool: number;
  exactArgs: number;
}

/** The router's scores, overall and for the tuned and held-out parts, with the misses. */
export interface RouterEvalResult {
  all: EvalScore;
  tuned: EvalScore;
  heldOut: EvalScore;
  /** Questions whose label's tool is not in the registry yet; not scored. */
  unavailable: number;
  misses: Array<{ id: number; q: string; expected: Call; got: Call; heldOut: boolean }>;
}

/** What the router made of one question, as a comparable call. */
export function routerCall(question: string, catalogue: RouterCatalogue, registry: ToolRegistry, now: Date): Call {
  const platformCodes = new Set(catalogue.platformCodes);
  const result = route(question, catalogue, new Set(registry.groups()), now);
  if (result.kind === 'unknown') return { kind: 'help' };
  if (result.kind === 'clarify') return { kind: 'clarify', question: result.question };
  return commandToCall(result.command, registry, platformCodes);
}

/** Runs the router over `questions`. */
export function evaluateRouter(questions: LabelledQuestion[], catalogue: RouterCatalogue, registry: ToolRegistry, now: Date): RouterEvalResult {
  const platformCodes = new Set(catalogue.platformCodes);
  const empty = (): EvalScore => ({ total: 0, rightTool: 0, exactArgs: 0 });
  const result: RouterEvalResult = { all: empty(), tuned: empty(), heldOut: empty(), unavailable: 0, misses: [] };
  for (const question of questions) {
    const expected = expectedCall(question, registry, platformCodes);
    if (expected === null) {
      result.unavailable += 1;
      continue;
    }
    const got = routerCall(question.q, catalogue, registry, now);
    const tool = sameTool(expected, got);
    const exact = sameCall(expected, got);
    for (const score of [result.all, question.heldOut ? result.heldOut : result.tuned]) {
      score.total += 1;
      if (tool) score.rightTool += 1;
      if (exact) score.exactArgs += 1;
    }
    if (!exact) result.misses.push({ id: question.id, q: question.q, expected, got, heldOut: question.heldOut });
  }
  return result;
}
