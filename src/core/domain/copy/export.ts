/**
 * Approved copy as upload files: Amazon's inventory-file field names and Shopify's product
 * import columns (data/export-templates.json, sources in data/SOURCES.md). One file per
 * platform, in the platform's own language; the newest approved variant of each SKU wins.
 * Pure: the caller reads the variants and hands the files to the reply.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { StoredVariant } from './copy-service.ts';
import { toCsv } from './csv.ts';
import { localesForPlatform, type CopyLocale } from './platform-rules.ts';
import { fieldText } from './validate.ts';

const columnSchema = z.object({
  name: z.string().min(1),
  from: z.enum(['sku', 'brand', 'title', 'description', 'descriptionHtml', 'bullets', 'searchTerms', 'handle', 'tags', 'seoTitle', 'seoDescription']).optional(),
  value: z.string().optional(),
  index: z.number().int().nonnegative().optional(),
});

const templatesSchema = z.object({
  $comment: z.string().optional(),
  amazon: z.object({ marketplaces: z.array(z.string()), columns: z.array(columnSchema).min(1) }),
  shopify: z.object({ marketplaces: z.array(z.string()), header: z.string(), columns: z.array(columnSchema).min(1) }),
});

/** One export template. */
export type TemplateName = 'amazon' | 'shopify';

type Templates = z.output<typeof templatesSchema>;
let templates: Templates | undefined;

/** The header row of Shopify's official product template, as copied into data/. */
export function shopifyTemplateHeader(file = 'shopify-product-template-2025.header.csv'): string[] {
  return readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8').trim().split(',');
}

/** The export templates; Shopify's columns are checked against the official header when loaded. */
export function exportTemplates(): Templates {
  if (!templates) {
    const parsed = templatesSchema.parse(JSON.parse(readFileSync(new URL('./data/export-templates.json', import.meta.url), 'utf8')) as unknown);
    const header = shopifyTemplateHeader(parsed.shopify.header);
    const unknown = parsed.shopify.columns.filter((c) => !header.includes(c.name));
    if (unknown.length > 0) throw new Error(`export-templates.json: not in Shopify's template: ${unknown.map((c) => c.name).join(', ')}`);
    templates = parsed;
  }
  return templates;
}

/** Which template a marketplace uploads with, or null when there is none. */
export function templateFor(marketplace: string): TemplateName | null {
  const t = exportTemplates();
  if (t.amazon.marketplaces.includes(marketplace)) return 'amazon';
  if (t.shopify.marketplaces.includes(marketplace)) return 'shopify';
  return null;
}

/** An export file. */
export interface ExportFile {
  filename: string;
  platformCode: string;
  locale: CopyLocale;
  template: TemplateName;
  rows: number;
  content: string;
}

/** Approved variants that were left out, and why. */
export interface ExportSkip {
  platformCode: string;
  locale: CopyLocale;
  reason: 'no-template' | 'not-upload-language';
  count: number;
}

/** What the export needs besides the variants. */
export interface ExportContext {
  brandName: string;
  platforms: ReadonlyMap<number, { code: string; marketplace: string }>;
  skuNames: ReadonlyMap<number, string>;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Shopify URL handle: lower-case ASCII words joined by hyphens. */
export function handleFor(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function cell(column: z.output<typeof columnSchema>, v: StoredVariant, ctx: ExportContext): string {
  if (column.value !== undefined) return column.value;
  const f = v.fields;
  switch (column.from) {
    case 'sku':
      return v.skuCode;
    case 'brand':
      return ctx.brandName;
    case 'handle':
      return handleFor(ctx.skuNames.get(v.skuId) ?? v.skuCode);
    case 'descriptionHtml':
      return f.description ? `<p>${escapeHtml(fieldText(f.description))}</p>` : '';
    case 'bullets':
      return Array.isArray(f.bullets) ? (f.bullets[column.index ?? 0] ?? '') : '';
    case 'tags':
      return Array.isArray(f.tags) ? f.tags.join(', ') : '';
    case undefined:
      return '';
    default:
      return fieldText(f[column.from]);
  }
}

/**
 * Upload files from approved variants (newest approval first). Only the platform's own
 * language is uploaded; approved copy in other languages is counted as skipped.
 */
export function buildExport(variants: readonly StoredVariant[], ctx: ExportContext): { files: ExportFile[]; skipped: ExportSkip[] } {
  const t = exportTemplates();
  const groups = new Map<string, { platformCode: string; locale: CopyLocale; template: TemplateName; bySku: Map<number, StoredVariant> }>();
  const skipped = new Map<string, ExportSkip>();
  for (const v of variants) {
    const platform = ctx.platforms.get(v.platformId);
    if (!platform) continue;
    const template = templateFor(platform.marketplace);
    const uploadLocale = localesForPlatform(platform.code).defaultLocale;
    const reason = template === null ? 'no-template' : v.locale !== uploadLocale ? 'not-upload-language' : null;
    if (reason) {
      const key = `${platform.code}|${v.locale}|${reason}`;
      const s = skipped.get(key) ?? { platformCode: platform.code, locale: v.locale, reason, count: 0 };
      s.count += 1;
      skipped.set(key, s);
      continue;
    }
    const key = `${platform.code}|${v.locale}`;
    let group = groups.get(key);
    if (!group) {
      group = { platformCode: platform.code, locale: v.locale, template: template as TemplateName, bySku: new Map() };
      groups.set(key, group);
    }
    // Variants come newest first: the first one per SKU is the one to upload.
    if (!group.bySku.has(v.skuId)) group.bySku.set(v.skuId, v);
  }
  const files = [...groups.values()]
    .sort((a, b) => a.platformCode.localeCompare(b.platformCode))
    .map((g) => {
      const columns = t[g.template].columns;
      const rows = [...g.bySku.values()].sort((a, b) => a.skuCode.localeCompare(b.skuCode)).map((v) => columns.map((c) => cell(c, v, ctx)));
      return {
        filename: `copy-${g.platformCode}-${g.locale}.csv`,
        platformCode: g.platformCode,
        locale: g.locale,
        template: g.template,
        rows: rows.length,
        content: toCsv(columns.map((c) => c.name), rows),
      };
    });
  return { files, skipped: [...skipped.values()] };
}
