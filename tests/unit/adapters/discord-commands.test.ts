/**
 * The Discord commands are the registry: every tool appears once, nothing else does, each
 * within Discord's limits; and an interaction's options become a typed command that the
 * command grammar reads back to the same tool and arguments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import { parseText, tokenize } from '../../../src/bot/command-grammar.ts';
import { defineTool, type ToolDefinition } from '../../../src/core/tool.ts';
import { createRegistry, ToolRegistry } from '../../../src/core/tools/index.ts';
import { commandSpecs, findSpec, quoteWord, registrationPayload, typedCommand, type CommandSpec } from '../../../src/adapters/discord/commands.ts';

const registry = createRegistry();
const payload = registrationPayload(registry);
const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/** Every (command, sub-command) path in the payload. */
function payloadPaths(): string[] {
  return payload.flatMap((command) => {
    const subs = (command.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    return subs.length > 0 ? subs.map((s) => `${command.name} ${s.name}`) : [command.name];
  });
}

function optionsOf(path: string): APIApplicationCommandOption[] {
  const [name, sub] = path.split(' ');
  const command = payload.find((c) => c.name === name);
  if (!sub) return command?.options ?? [];
  const subcommand = command?.options?.find((o) => o.name === sub);
  return subcommand && 'options' in subcommand ? ((subcommand.options ?? []) as APIApplicationCommandOption[]) : [];
}

describe('registration payload', () => {
  it('has exactly one command or sub-command per tool of the registry, and nothing else', () => {
    const specs = commandSpecs(registry);
    expect(specs.map((s) => s.tool.name)).toEqual(registry.all().map((t) => t.name));
    const expected = specs.map((s) => (s.sub ? `${s.group} ${s.sub}` : s.group)).sort();
    expect(payloadPaths().sort()).toEqual(expected);
    expect(new Set(expected).size).toBe(registry.all().length);
    // Every tool's own command words lead to its path.
    for (const tool of registry.all()) {
      const [group, sub] = tool.command.slice(1).split(' ');
      const spec = specs.find((s) => s.tool === tool) as CommandSpec;
      expect(spec.group).toBe(group);
      if (sub) expect(spec.sub).toBe(sub);
    }
    expect(payload.map((c) => c.name)).toEqual(registry.groups());
  });

  it('describes each command with its tool’s summary, in English and Chinese', () => {
    for (const spec of commandSpecs(registry)) {
      const command = payload.find((c) => c.name === spec.group);
      const node = spec.sub && (command?.options ?? []).some((o) => o.type === ApplicationCommandOptionType.Subcommand)
        ? command?.options?.find((o) => o.name === spec.sub)
        : command;
      // Summaries longer than Discord's 100 characters are cut with an ellipsis.
      const shown = (text: string) => (text.length <= 100 ? text : `${text.slice(0, 99)}…`);
      expect(node?.description).toBe(shown(spec.tool.summary.en));
      expect(node?.description_localizations?.['zh-CN']).toBe(shown(spec.tool.summary.zh));
    }
  });

  it('stays within Discord’s limits', () => {
    expect(payload.length).toBeLessThanOrEqual(100);
    const check = (options: readonly APIApplicationCommandOption[]) => {
      expect(options.length).toBeLessThanOrEqual(25);
      let optionalSeen = false;
      for (const option of options) {
        expect(option.name).toMatch(NAME);
        expect(option.description.length).toBeGreaterThan(0);
        expect(option.description.length).toBeLessThanOrEqual(100);
        if ('choices' in option && option.choices) expect(option.choices.length).toBeLessThanOrEqual(25);
        if ('required' in option && option.required) expect(optionalSeen, `${option.name}: required after optional`).toBe(false);
        else if (option.type !== ApplicationCommandOptionType.Subcommand) optionalSeen = true;
        if (option.type === ApplicationCommandOptionType.Subcommand) check((option.options ?? []) as APIApplicationCommandOption[]);
      }
    };
    for (const command of payload) {
      expect(command.name).toMatch(NAME);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      check(command.options ?? []);
    }
  });

  it('offers SKU and platform autocomplete on /stock', () => {
    const [sku, platform] = optionsOf('stock');
    expect(sku).toMatchObject({ name: 'sku', type: ApplicationCommandOptionType.String, required: true, autocomplete: true });
    expect(platform).toMatchObject({ name: 'platform', type: ApplicationCommandOptionType.String, autocomplete: true });
    expect(platform && 'required' in platform ? platform.required : undefined).toBeFalsy();
  });

  it('turns every generated command back into its own tool through the command grammar', () => {
    for (const spec of commandSpecs(registry)) {
      const values = spec.options.map((o) => ({ name: o.name, value: o.type === 'boolean' ? true : o.type === 'string' ? (o.choices?.[0] ?? 'some words') : 2 }));
      const parsed = parseText(typedCommand(spec, values), registry);
      expect(parsed.kind, spec.tool.command).toBe('command');
      if (parsed.kind === 'command') expect(parsed.tool.name).toBe(spec.tool.name);
    }
  });
});

describe('usage lines as options', () => {
  const tool = (name: string, command: string, usage: string, input: z.ZodType, examples: string[], parseArgs: ToolDefinition['parseArgs']): ToolDefinition =>
    defineTool({ name, command, summary: { en: name, zh: name }, usage, examples, roles: 'anyone', effect: 'read', input, parseArgs, run: async (ctx) => ({ kind: 'result', locale: ctx.locale }) }) as unknown as ToolDefinition;

  const link = tool('t-link', '/t link', '<handle> slack|discord <user id>', z.object({ handle: z.string(), platform: z.enum(['slack', 'discord']), userId: z.string() }), ['/t link bob slack U1'], ([handle, platform, userId]) => ({ handle, platform, userId }));
  const page = tool('t-find', '/t', '<email | phone | name> [page N]', z.object({ query: z.string(), page: z.coerce.number().int().min(1).max(99).optional() }), ['/t jane', '/t C-1 page 2'], (tokens) =>
    tokens.length >= 2 && tokens.at(-2) === 'page' ? { query: tokens.slice(0, -2).join(' '), page: tokens.at(-1) } : { query: tokens.join(' ') },
  );
  const file = tool('t-file', '/f', '<path> [platform] [dry-run]', z.object({ path: z.string(), platform: z.string().optional(), dryRun: z.boolean() }), ['/f a.csv amazon-us dry-run'], (tokens) => ({
    path: tokens[0],
    ...(tokens.length > 2 || (tokens[1] && tokens[1] !== 'dry-run') ? { platform: tokens[1] } : {}),
    dryRun: tokens.includes('dry-run'),
  }));
  const odd = tool('t-odd', '/odd', '<platform> <amount> [period] <reason> | <suggestion id>', z.object({ text: z.string() }), ['/odd amazon-us +5000 push', '/odd BS-3'], (tokens) => ({ text: tokens.join(' ') }));
  const small = new ToolRegistry([link, page, file, odd]);
  const specs = commandSpecs(small);
  const spec = (name: string, sub: string | null) => findSpec(specs, name, sub) as CommandSpec;

  it('reads choices from a zod enum, and names from the usage line', () => {
    const s = spec('t', 'link');
    expect(s.options.map((o) => [o.name, o.required, o.choices ?? null])).toEqual([
      ['handle', true, null],
      ['platform', true, ['slack', 'discord']],
      ['user-id', true, null],
    ]);
    expect(typedCommand(s, [{ name: 'handle', value: 'bob' }, { name: 'platform', value: 'slack' }, { name: 'user-id', value: 'U0123ABCD' }])).toBe('/t link bob slack U0123ABCD');
  });

  it('types a keyword before its value when the examples show it ("page 2"), with the schema’s number type', () => {
    const s = spec('t', 'show');
    expect(s.options.map((o) => [o.name, o.type, o.typed.kind])).toEqual([
      ['query', 'string', 'value'],
      ['page', 'integer', 'keyword'],
    ]);
    expect(s.options[1]).toMatchObject({ minValue: 1, maxValue: 99 });
    const typed = typedCommand(s, [{ name: 'query', value: 'Jane Doe' }, { name: 'page', value: 2 }]);
    expect(typed).toBe('/t "Jane Doe" page 2');
    const parsed = parseText(typed, small);
    expect(parsed.kind === 'command' && parsed.tool.parseArgs(parsed.args, { platformCodes: new Set() })).toEqual({ query: 'Jane Doe', page: '2' });
  });

  it('makes a literal word a yes/no option ("dry-run")', () => {
    const s = spec('f', null);
    expect(s.options.map((o) => [o.name, o.type])).toEqual([
      ['path', 'string'],
      ['platform', 'string'],
      ['dry-run', 'boolean'],
    ]);
    expect(s.options[1]?.autocomplete).toBe('platform');
    expect(typedCommand(s, [{ name: 'path', value: 'orders.csv' }, { name: 'dry-run', value: true }])).toBe('/f orders.csv dry-run');
    expect(typedCommand(s, [{ name: 'path', value: 'orders.csv' }, { name: 'dry-run', value: false }])).toBe('/f orders.csv');
  });

  it('falls back to one free-text option for a usage line it cannot split', () => {
    const s = spec('odd', null);
    expect(s.options).toHaveLength(1);
    expect(s.options[0]).toMatchObject({ name: 'arguments', required: true, typed: { kind: 'raw' } });
    expect(s.options[0]?.description).toContain('amazon-us +5000 push');
    expect(typedCommand(s, [{ name: 'arguments', value: 'amazon-us  +5000 "Black Friday"' }])).toBe('/odd amazon-us +5000 "Black Friday"');
  });

  it('names the group’s own tool "show" next to its sub-commands', () => {
    expect(specs.filter((s) => s.group === 't').map((s) => s.sub).sort()).toEqual(['link', 'show']);
  });
});

describe('quoteWord', () => {
  it('keeps any value one word of the command grammar', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (raw) => {
        const value = raw.replace(/\s+/g, ' ').trim();
        fc.pre(value !== '' && !(value.includes('"') && value.includes("'") && value.includes('”')));
        expect(tokenize(`/x ${quoteWord(value)}`)).toEqual(['/x', value]);
      }),
      { numRuns: 500 },
    );
  });
});
