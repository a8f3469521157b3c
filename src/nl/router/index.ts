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
  const [skus, platforms] = await Promise.all([
    db.sku.findMany({ where: { active: true }, select: { code: true, name: true, product: { select: { name: true, nameI18n: true } } } }),
    platformDirectory.get(db),
  ]);
  return {
    skuCodes: skus.map((s) => s.code),
    names: skus.map((s) => ({
      code: s.code,
      names: [s.name, s.product.name, ...Object.values((s.product.nameI18n ?? {}) as Record<string, unknown>).filter((v): v is string => typeof v === 'string')],
    })),
    platformCodes: platforms.map((p) => p.code),
  };
});

/** The offline interpreter for a registry and database. */
export function offlineInterpreter(db: Db, registry: ToolRegistry): Interpreter {
  const groups = new Set(registry.groups());
  return async (text, _actor, locale) => {
    const result = route(text, await routerCatalogue.get(db), groups);
    const t = translator(locale);
    if (result.kind === 'command') return { command: result.command };
    if (result.kind === 'clarify') {
      return {
        reply: {
          kind: 'result',
          locale,
          summary: t(result.question === 'whichPlatform' ? 'nl.whichPlatform' : 'nl.whichSku'),
          ...(result.options.length > 0 ? { actions: result.options } : {}),
        },
      };
    }
    return null;
  };
}
