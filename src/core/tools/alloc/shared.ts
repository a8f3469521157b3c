/** What the /alloc tools share: finding the SKU, the plan's settings and refusal messages. */
import { ToolError } from '../../errors.ts';
import type { ChatAction } from '../../reply.ts';
import { mayRun, type ToolContext } from '../../tool.ts';
import { findSku, type SkuSummary } from '../../domain/catalogue/sku-lookup.ts';
import type { PlanOptions } from '../../domain/planning/planning-service.ts';
import type { Refusal } from '../../domain/planning/refusal.ts';
import { planningSettings } from '../../domain/planning/settings.ts';
import { formatMoment } from '../costs/format-money.ts';

/** The plan settings in force. */
export function planOptions(): PlanOptions {
  const s = planningSettings();
  return { trialBatch: s.trialBatch, fxPerUsd: s.fxPerUsd };
}

/** A button that runs `command`, when the actor may run the tool it reaches. */
export function actionIfAllowed(ctx: ToolContext, toolName: string, action: ChatAction): ChatAction[] {
  const tool = ctx.registry.get(toolName);
  return tool && mayRun(tool, ctx.actor) ? [action] : [];
}

/** Resolves what the user typed to one SKU, or explains with "did you mean" buttons for `command`. */
export async function resolveSkuFor(ctx: ToolContext, query: string, command: string): Promise<SkuSummary> {
  const match = await findSku(ctx.db, query);
  if (match.kind === 'found') return match.sku;
  const button = (s: SkuSummary): ChatAction => ({ id: `${command}:${s.code}`, label: `${s.code} · ${s.name}`, command: `${command} ${s.code}` });
  if (match.kind === 'ambiguous') {
    throw new ToolError('ambiguous', ctx.t('stock.ambiguous', { query, count: match.total }), { actions: match.candidates.map(button) });
  }
  throw new ToolError('not_found', ctx.t('stock.notFound', { query }), {
    hints: [match.suggestions.length > 0 ? ctx.t('stock.didYouMean') : ctx.t('stock.tryName')],
    actions: match.suggestions.map(button),
  });
}

/** The message for an allocation refusal. */
export function allocRefusal(ctx: ToolContext, r: Refusal): ToolError {
  const { t } = ctx;
  const f = r.facts;
  const fresh: ChatAction[] = f.sku ? [{ id: 'alloc:fresh', label: t('alloc.freshButton', { sku: String(f.sku) }), command: `/alloc ${String(f.sku)}` }] : [];
  switch (r.code) {
    case 'not-found':
      return new ToolError('not_found', t('alloc.apply.notFound', { id: String(f.id) }), { hints: [t('alloc.apply.howToGet')] });
    case 'already-applied':
      return new ToolError('conflict', t('alloc.apply.already', { id: String(f.id), by: String(f.by), at: f.at ? formatMoment(String(f.at)) : '?' }));
    case 'expired':
      return new ToolError('conflict', t('alloc.apply.expired', { id: String(f.id), at: formatMoment(String(f.at)) }), { actions: fresh });
    case 'over-stock':
      return new ToolError('conflict', t('alloc.apply.overStock', { id: String(f.id), total: Number(f.total), available: Number(f.available) }), { actions: fresh });
    default:
      return new ToolError(
        'conflict',
        t('alloc.apply.stale', { id: String(f.id), platform: String(f.platform ?? '?'), by: String(f.by ?? '?'), at: f.at ? formatMoment(String(f.at)) : '?' }),
        { actions: fresh },
      );
  }
}
