/**
 * `/brand audit [platform]`: checks the live listings across platforms for banned claims,
 * broken platform limits, missing core values, and claims or prices that contradict the same
 * SKU on another platform.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import type { ChatAction, ReplyTable } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { auditBrand, liveListings, PRICE_TOLERANCE, type AuditFinding } from '../../domain/brand/brand-audit.ts';
import { loadBrand } from '../../domain/brand/brand-profile.ts';
import { describeCheck } from '../copy/copy-render.ts';

/** At most this many rows in the findings table. */
export const MAX_ROWS = 40;

/** Findings of one kind on one platform are folded into one row from this many on. */
export const FOLD_FROM = 4;

const input = z
  .object({
    platform: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a platform code looks like amazon-us').optional(),
    extra: z.array(z.string()).max(0, 'audit one platform, or all of them').optional(),
  })
  .strict();

const money = (n: number, currency: string) => `${n.toFixed(2)} ${currency}`;

function problem(t: Translate, f: AuditFinding, valueText?: string): string {
  switch (f.kind) {
    case 'banned-claim':
      return t('brand.audit.banned', { phrases: f.phrases.map((p) => `“${p}”`).join(', ') });
    case 'limit':
      return describeCheck(t, f.check, valueText).replace(/^[✓✖⚠] /u, '');
    case 'missing-values':
      return t('brand.audit.missingValues', { values: f.values.join(', ') });
    case 'missing-required':
      return t('brand.audit.missingRequired', { phrases: f.phrases.join(', ') });
    case 'price-conflict':
      return t(f.deviation < 0 ? 'brand.audit.priceBelow' : 'brand.audit.priceAbove', {
        price: money(f.price, f.currency),
        pct: Math.round(Math.abs(f.deviation) * 100),
        reference: f.reference.platformCode,
        referencePrice: money(f.reference.price, f.currency),
      });
    case 'claim-conflict':
      return t('brand.audit.claim', {
        values: f.values.map((v) => `${v} ${f.unit}`).join(', '),
        others: f.others.map((o) => `${o.platformCode} ${o.values.map((v) => `${v} ${f.unit}`).join(', ')}`).join('; '),
      });
  }
}

/** "20–29" for a folded group of limit findings; undefined when they measured nothing. */
function valueRange(group: readonly AuditFinding[]): string | undefined {
  const values = group.flatMap((f) => (f.kind === 'limit' && f.check.value !== undefined ? [f.check.value] : []));
  if (values.length === 0) return undefined;
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? String(low) : `${low}–${high}`;
}

function groupKey(f: AuditFinding): string {
  return `${f.platformCode}|${f.kind}|${f.kind === 'limit' ? `${f.check.id}|${f.check.field ?? ''}` : ''}`;
}

/** The audit tool. */
export const auditBrandTool = defineTool({
  name: 'brand-audit',
  command: '/brand audit',
  summary: { en: 'Audit live listings for banned claims, broken limits and contradictions between platforms', zh: '检查在售商品的禁用说法、超限内容以及跨平台矛盾' },
  usage: '[platform]',
  examples: ['/brand audit', '/brand audit amazon-us'],
  roles: ['staff', 'cs', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input,
  parseArgs(tokens) {
    const [platform, ...rest] = tokens;
    return { ...(platform !== undefined ? { platform } : {}), ...(rest.length > 0 ? { extra: rest } : {}) };
  },
  async run(ctx, args) {
    const { t } = ctx;
    const brand = await loadBrand(ctx.db);
    if (!brand) throw new ToolError('not_found', t('copy.noBrand'));
    const platforms = await ctx.db.platform.findMany({ where: { active: true }, select: { code: true }, orderBy: { code: 'asc' } });
    if (args.platform !== undefined && !platforms.some((p) => p.code === args.platform)) {
      throw new ToolError('not_found', t('copy.unknownPlatform', { platform: args.platform, known: platforms.map((p) => p.code).join(', ') }));
    }
    // Contradictions need every platform's listings, even when only one platform is reported.
    const listings = await liveListings(ctx.db);
    const all = auditBrand(listings, brand);
    const findings = args.platform === undefined ? all : all.filter((f) => f.platformCode === args.platform);
    const audited = args.platform === undefined ? listings : listings.filter((l) => l.platformCode === args.platform);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;

    const groups = new Map<string, AuditFinding[]>();
    for (const f of findings) groups.set(groupKey(f), [...(groups.get(groupKey(f)) ?? []), f]);
    const rows: Array<Record<string, string>> = [];
    for (const group of groups.values()) {
      const first = group[0] as AuditFinding;
      const mark = first.severity === 'error' ? '✖' : '⚠';
      if (group.length >= FOLD_FROM) {
        const skus = group.map((f) => f.skuCode);
        rows.push({
          severity: mark,
          platform: first.platformCode,
          sku: t('brand.audit.listings', { n: group.length }),
          problem: `${problem(t, first, valueRange(group))} · ${skus.slice(0, 6).join(', ')}${skus.length > 6 ? ` ${t('value.moreRows', { n: skus.length - 6 })}` : ''}`,
        });
      } else {
        for (const f of group) rows.push({ severity: mark, platform: f.platformCode, sku: f.skuCode, problem: problem(t, f) });
      }
    }
    const table: ReplyTable = {
      title: t('brand.audit.findings'),
      columns: [
        { key: 'severity', label: '' },
        { key: 'platform', label: t('brand.audit.colPlatform') },
        { key: 'sku', label: t('brand.audit.colSku') },
        { key: 'problem', label: t('brand.audit.colProblem') },
      ],
      rows: rows.slice(0, MAX_ROWS),
    };
    const withFindings = [...new Set(findings.map((f) => f.platformCode))];
    const actions: ChatAction[] =
      args.platform === undefined ? withFindings.slice(0, 5).map((p) => ({ id: `brand-audit:${p}`, label: p, command: `/brand audit ${p}` })) : [{ id: 'brand-audit', label: t('brand.audit.all'), command: '/brand audit' }];
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('brand.audit.title', { scope: args.platform ?? t('brand.audit.allPlatforms') }),
      summary:
        findings.length === 0
          ? t('brand.audit.clean', { listings: audited.length })
          : t('brand.audit.summary', { listings: audited.length, platforms: new Set(audited.map((l) => l.platformCode)).size, errors, warnings }),
      ...(rows.length > 0 ? { tables: [table] } : {}),
      notes: [
        ...(rows.length > MAX_ROWS ? [t('value.moreRows', { n: rows.length - MAX_ROWS })] : []),
        t('brand.audit.priceNote', { pct: Math.round(PRICE_TOLERANCE * 100) }),
      ],
      actions,
    };
  },
});
