/** `/import`: how to bring a platform's exports into the bot, and which formats it reads. */
import { z } from 'zod';
import { defineTool } from '../../tool.ts';
import { formatLabels } from '../../../importers/import-file.ts';

/** The roles that may import data. */
export const IMPORT_ROLES = ['manager', 'admin'] as const;

/** The tool that explains importing. */
export const explainImport = defineTool({
  name: 'import',
  command: '/import',
  summary: {
    en: 'How to import orders, products, FBA inventory and ads reports from the platforms',
    zh: '如何导入各平台的订单、商品、FBA 库存和广告报告',
  },
  usage: '',
  examples: ['/import', '/import file orders_export.csv dry-run'],
  roles: IMPORT_ROLES,
  effect: 'read',
  input: z.object({}).strict(),
  parseArgs(tokens) {
    // Words after /import are most likely a file path meant for "/import file".
    return tokens.length === 0 ? {} : { unexpected: tokens.join(' ') };
  },
  async run(ctx) {
    const { t, locale } = ctx;
    return {
      kind: 'help',
      locale,
      title: t('import.how.title'),
      summary: t('import.how.summary'),
      notes: [
        t('import.how.cli'),
        ...(ctx.via === 'console' ? [t('import.how.console')] : []),
        t('import.how.chat'),
        t('import.how.formats', { formats: formatLabels().join('; ') }),
        t('import.how.safety'),
      ],
    };
  },
});
