/** Suggested prompts fit the person: their role's tools first, in their language, never a write. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '../../../../src/core/i18n/index.ts';
import { defineTool, type ToolDefinition } from '../../../../src/core/tool.ts';
import { ToolRegistry } from '../../../../src/core/tools/registry.ts';
import { showHelp } from '../../../../src/core/tools/help/show-help.ts';
import { showStock } from '../../../../src/core/tools/stock/show-stock.ts';
import { whoami } from '../../../../src/core/tools/team/whoami.ts';
import { suggestedPrompts } from '../../../../src/core/domain/assistant/suggested-prompts.ts';

const tool = (command: string, example: string, roles: ToolDefinition['roles'], effect: ToolDefinition['effect']) =>
  defineTool({
    name: command.slice(1).replace(' ', '-'),
    command,
    summary: { en: command, zh: command },
    usage: '',
    examples: [example],
    roles,
    effect,
    input: z.object({}),
    parseArgs: () => ({}),
    run: async (ctx) => ({ kind: 'result', locale: ctx.locale }),
  }) as unknown as ToolDefinition;

const registry = new ToolRegistry([
  showStock as unknown as ToolDefinition,
  tool('/budget', '/budget', ['manager', 'admin'], 'read'),
  tool('/budget approve', '/budget approve BR-12', ['manager'], 'write'),
  tool('/customer', '/customer jane.doe@example.com', ['cs', 'manager'], 'read'),
  tool('/team link', '/team link bob slack U0123ABCD', ['admin'], 'write'),
  showHelp as unknown as ToolDefinition,
  whoami as unknown as ToolDefinition,
]);
const en = translator('en');

describe('suggestedPrompts', () => {
  it('gives a manager budgets first, customer service a customer lookup, operations stock', () => {
    expect(suggestedPrompts(registry, { roles: ['manager'] }, en)[0]).toEqual({ title: 'Budgets and pending approvals', message: '/budget' });
    expect(suggestedPrompts(registry, { roles: ['cs'] }, en)[0]).toEqual({ title: 'Look up a customer', message: '/customer jane.doe@example.com' });
    expect(suggestedPrompts(registry, { roles: ['staff'] }, en).map((p) => p.message)).toEqual(['/stock WB-500', '/stock WB-500 amazon-us', '/help', '/whoami']);
  });

  it('speaks the person’s language', () => {
    expect(suggestedPrompts(registry, { roles: ['staff'] }, translator('zh'))[0]?.title).toBe('查看 SKU 库存');
  });

  it('never suggests a write, nor a tool the person may not run, nor one that does not exist', () => {
    const admin = suggestedPrompts(registry, { roles: ['admin'] }, en).map((p) => p.message);
    expect(admin).not.toContain('/team link bob slack U0123ABCD');
    expect(suggestedPrompts(registry, { roles: [] }, en).map((p) => p.message)).toEqual(['/help', '/whoami']);
    const marketing = suggestedPrompts(registry, { roles: ['marketing'] }, en).map((p) => p.message);
    expect(marketing).toEqual(['/help', '/whoami']); // no /copy, /brand or /margin in this registry yet
  });

  it('offers at most four, without repeats, for someone with several roles', () => {
    const prompts = suggestedPrompts(registry, { roles: ['manager', 'staff', 'cs'] }, en);
    expect(prompts).toHaveLength(4);
    expect(new Set(prompts.map((p) => p.message)).size).toBe(4);
  });
});
