/**
 * The offline interpreter the pipeline calls for free text: loads the router's view of the
 * catalogue (cached), routes the question, and turns clarifications into replies.
 */
import type { Interpreter } from '../../bot/pipeline.ts';
import { translator } from '../../core/i18n/index.ts';
import { platformDirectory } from '../../core/domain/catalogue/platforms.ts';
import { cachedPerDb } from '../../core/domain/catalogue/read-cache.ts';
import type { ToolRegistry } from '../../core/tools/registry.ts';
import type { Db } from '../../persistence/db.ts';
import { route } from './router.ts';
import type { RouterCatalogue } from './slots.ts';

export { route, type Route } from './router.ts';
export type { RouterCatalogue } from './slots.ts';

/** The catalogue as the router sees it, cached per database like other read-mostly data. */
export const routerCatalogue = cachedPerDb(async (db: Db): Promise<RouterCatalogue> => {
  const [skus, platforms, campaigns] = await Promise.all([
    db.sku.findMany({ where: { active: true }, select: { code: true, name: true, product: { select: { name: true, nameI18n: true } } } }),
    platformDirectory.get(db),
    db.campaign.findMany({ select: { code: true }, orderBy: { code: 'asc' } }),
  ]);
  return {
    skuCodes: skus.map((s) => s.code),
    names: skus.map((s) => ({
      code: s.code,
      names: [s.name, s.product.name, ...Object.values((s.product.nameI18n ?? {}) as Record<string, unknown>).filter((v): v is string => typeof v === 'string')],
    })),
    platformCodes: platforms.map((p) => p.code),
    campaignCodes: campaigns.map((c) => c.code),
  };
});

const QUESTION_KEYS = { whichPlatform: 'nl.whichPlatform', whichSku: 'nl.whichSku', whichCustomer: 'nl.whichCustomer' } as const;

/** The offline interpreter for a registry and database; `now` is the clock periods are read against. */
export function offlineInterpreter(db: Db, registry: ToolRegistry, now: () => Date = () => new Date()): Interpreter {
  const groups = new Set(registry.groups());
  return async (text, _actor, locale) => {
    const result = route(text, await routerCatalogue.get(db), groups, now());
    const t = translator(locale);
    if (result.kind === 'command') return { command: result.command };
    if (result.kind === 'clarify') {
      return {
        reply: {
          kind: 'result',
          locale,
          summary: t(QUESTION_KEYS[result.question]),
          ...(result.options.length > 0 ? { actions: result.options } : {}),
        },
      };
    }
    return null;
  };
}
