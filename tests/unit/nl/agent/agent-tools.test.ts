import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from '../../../../src/core/tool.ts';
import { ROLES } from '../../../../src/core/roles.ts';
import { ALL_TOOLS, createRegistry } from '../../../../src/core/tools/index.ts';
import { agentMayCall, offeredTools, toolDescription, toolParameters } from '../../../../src/nl/agent/agent-tools.ts';

describe('the registry as the agent sees it', () => {
  const registry = createRegistry();

  it('turns every read and proposal of the registry into a function the model can call', () => {
    for (const tool of registry.all().filter(agentMayCall)) {
      const parameters = toolParameters(tool);
      expect(parameters, tool.name).not.toBeNull();
      expect(parameters?.type, tool.name).toBe('object');
      expect(JSON.stringify(parameters), tool.name).not.toMatch(/"(pattern|minLength|maxLength|\$schema)"/);
      expect(tool.name, tool.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    }
  });

  it('never offers a write, and offers each role only what it may run', () => {
    for (const role of ROLES) {
      const offered = offeredTools(registry, { roles: [role] }).map((o) => o.definition);
      expect(offered.every((t) => t.effect !== 'write'), role).toBe(true);
      expect(offered.map((t) => t.name), role).toEqual(registry.allowedFor({ roles: [role] }).filter(agentMayCall).map((t) => t.name));
    }
    const nobody = offeredTools(registry, { roles: [] }).map((o) => o.definition.name);
    expect(nobody.every((name) => registry.get(name)?.roles === 'anyone')).toBe(true);
  });

  it('describes a tool in one short line with its typed form', () => {
    const stock = registry.get('stock');
    if (!stock) throw new Error('no stock tool');
    expect(toolDescription(stock)).toBe('Stock of a SKU per warehouse and platform, with days of cover and stock-out date. Typed: /stock <sku | product name> [platform]');
    for (const tool of ALL_TOOLS) expect(toolDescription(tool).length, tool.name).toBeLessThan(240);
  });

  it('keeps argument names, types, enums and required fields, and leaves out tools whose input is not an object', () => {
    const sample = defineTool({
      name: 'sample',
      command: '/sample',
      summary: { en: 'Sample', zh: '示例' },
      usage: '',
      examples: ['/sample'],
      roles: 'anyone',
      effect: 'read',
      input: z.object({ pattern: z.string().regex(/^x$/), kind: z.enum(['a', 'b']), count: z.coerce.number().int().min(1).optional() }),
      parseArgs: () => ({}),
      run: async (ctx) => ({ kind: 'result', locale: ctx.locale }),
    });
    expect(toolParameters(sample)).toEqual({
      type: 'object',
      properties: { pattern: { type: 'string' }, kind: { type: 'string', enum: ['a', 'b'] }, count: { type: 'integer' } },
      required: ['pattern', 'kind'],
    });
    const scalar = { ...sample, name: 'scalar', input: z.string() };
    expect(toolParameters(scalar)).toBeNull();
  });
});
