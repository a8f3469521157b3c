/**
 * Benchmark: the copy composer and /copy end to end.
 *
 * - composer: every demo SKU × platform × language, 3 variants each, timed per variant
 *   (composition, fitting and validation; no database), in memory from the demo catalogue.
 * - /copy: the command, `/copy WB-500 black-friday amazon-us tiktok-us en zh 3`
 *   (12 variants), through the real pipeline on a freshly seeded demo database: one warm-up,
 *   then 20 timed runs, each storing its variants in one transaction with its audit event.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Pipeline } from '../src/bot/pipeline.ts';
import { toBrandProfile } from '../src/core/domain/brand/brand-profile.ts';
import { composeVariants, type CopyProduct } from '../src/core/domain/copy/composer.ts';
import { localesForPlatform, platformRules, rulesForPlatform } from '../src/core/domain/copy/platform-rules.ts';
import { createRegistry } from '../src/core/tools/index.ts';
import { createLogger } from '../src/logging.ts';
import { openDatabase } from '../src/persistence/open-database.ts';
import { seedDemo } from '../src/persistence/seed/index.ts';
import { buildCatalogue } from '../src/persistence/seed/catalogue.ts';
import { buildPlatformsAndBrand } from '../src/persistence/seed/platforms.ts';
import { percentile, round, type Benchmark } from './lib.ts';

const REF = new Date(Date.UTC(2026, 10, 20));

function composerTimes(): { perVariantMs: number[]; variants: number } {
  const { tables } = buildCatalogue(REF);
  const pb = buildPlatformsAndBrand(REF);
  const brand = toBrandProfile(pb.Brand[0] as Parameters<typeof toBrandProfile>[0]);
  const times: number[] = [];
  let variants = 0;
  for (const sku of tables.Sku) {
    const p = tables.Product.find((x) => x.id === sku.productId)!;
    const product: CopyProduct = {
      skuCode: sku.code,
      skuName: sku.name,
      label: sku.name.slice(p.name.length).trim(),
      productName: p.name,
      names: { en: p.name, ...(p.nameI18n as { zh: string; de: string }) },
      description: p.description,
      material: p.material,
      category: p.category,
      features: { en: p.features as string[], ...(p.featuresI18n as { zh: string[]; de: string[] }) },
      keywords: { en: p.keywords as string[], ...(p.keywordsI18n as { zh: string[]; de: string[] }) },
    };
    for (const platform of pb.Platform) {
      const rules = rulesForPlatform(platform)!;
      for (const locale of localesForPlatform(platform.code).locales) {
        const started = performance.now();
        const out = composeVariants({ product, brand, platform, rules, locale, campaign: null, platformNames: platformRules().platformNames }, 3);
        const ms = performance.now() - started;
        variants += out.length;
        times.push(ms / Math.max(1, out.length));
      }
    }
  }
  return { perVariantMs: times.sort((a, b) => a - b), variants };
}

export const benchmark: Benchmark = {
  name: 'copy',
  title: 'Copy: composer per variant, and /copy end to end (12 variants)',
  async run(log) {
    const composer = composerTimes();
    log(`composer: ${composer.variants} variants`);

    const dir = await mkdtemp(join(tmpdir(), 'bench-copy-'));
    const db = await openDatabase(`file:${join(dir, 'bench.db')}`);
    try {
      log('seeding the demo database…');
      await seedDemo(db, { referenceDate: REF });
      const quiet = new Writable({ write: (_c, _e, done) => done() });
      const pipeline = new Pipeline({ db, registry: createRegistry(), logger: createLogger({ level: 'warn', destination: quiet }), now: () => new Date(REF.getTime() + 10 * 3_600_000) });
      const say = () => pipeline.handle({ via: 'console', user: { handle: 'dan' }, channelId: 'bench', text: '/copy WB-500 black-friday amazon-us tiktok-us en zh 3' });
      await say();
      const runs: number[] = [];
      for (let i = 0; i < 20; i++) {
        // Each run starts from the same state: the composer keeps new variants distinct from stored ones.
        await db.copyVariant.deleteMany();
        const started = performance.now();
        const out = await say();
        runs.push(performance.now() - started);
        if (out.reply.kind !== 'result') throw new Error(`/copy failed: ${out.reply.summary ?? ''}`);
      }
      runs.sort((a, b) => a - b);
      const c = composer.perVariantMs;
      return {
        table: {
          columns: ['case', 'p50', 'p95', 'max'],
          rows: [
            ['composer, per variant', `${round(percentile(c, 50), 3)} ms`, `${round(percentile(c, 95), 3)} ms`, `${round(c.at(-1) ?? 0, 3)} ms`],
            ['/copy … 3 (12 variants)', `${round(percentile(runs, 50), 1)} ms`, `${round(percentile(runs, 95), 1)} ms`, `${round(runs.at(-1) ?? 0, 1)} ms`],
          ],
        },
        figures: {
          copy_composer_variant_p50_ms: round(percentile(c, 50), 3),
          copy_composer_variant_p95_ms: round(percentile(c, 95), 3),
          copy_tool_12_variants_p50_ms: round(percentile(runs, 50), 1),
          copy_tool_12_variants_p95_ms: round(percentile(runs, 95), 1),
        },
        notes: [`${composer.variants} composed variants across every demo SKU, platform and language; /copy runs store 12 variants each.`],
      };
    } finally {
      await db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
