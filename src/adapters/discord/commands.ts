/**
 * Discord application commands, generated from the registry: one command per group ("/stock",
 * "/budget"), with a sub-command per tool where a group has several ("/budget approve"; the
 * group's own tool becomes "/budget show"). Options come from each tool's usage line, typed from
 * its zod schema where a key matches (numbers, enums as choices, string lengths); SKU and
 * platform options get autocomplete. An interaction's options turn back into the typed command
 * ("/stock WB-500 amazon-us"), which then takes the same path as every other adapter's text.
 * A usage line this grammar cannot read becomes one free-text option with the words as typed.
 */
import { ApplicationCommandOptionType, SlashCommandBuilder, SlashCommandSubcommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import { tokenize } from '../../bot/command-grammar.ts';
import { translator } from '../../core/i18n/index.ts';
import type { ToolDefinition } from '../../core/tool.ts';
import type { ToolRegistry } from '../../core/tools/registry.ts';

/** Discord's limits for command definitions (PLATFORMS.md). */
export const COMMAND_LIMITS = { commands: 100, name: 32, description: 100, options: 25, choices: 25, choiceValue: 100 } as const;

/** Name of the sub-command that runs a group's own tool ("/team" → "/team show"), unless a tool takes it. */
const DEFAULT_SUB_NAMES = ['show', 'overview', 'main'] as const;

/** Where an option's autocomplete suggestions come from. */
export type AutocompleteSource = 'sku' | 'platform';

/** One option of a generated command, and how its value is written into the typed command. */
export interface OptionSpec {
  name: string;
  description: string;
  required: boolean;
  type: 'string' | 'integer' | 'number' | 'boolean';
  /** Fixed values (from a zod enum); shown as choices. */
  choices?: readonly string[];
  autocomplete: AutocompleteSource | null;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  /**
   * How the value is typed: `value` quoted as one word; `keyword` the words before the value
   * ("page 2"); `flag` the word itself when the boolean is true ("dry-run"); `raw` the text
   * exactly as given (the free-text fallback).
   */
  typed: { kind: 'value' } | { kind: 'keyword'; keyword: string } | { kind: 'flag'; word: string } | { kind: 'raw' };
}

/** A tool as a Discord command or sub-command. */
export interface CommandSpec {
  tool: ToolDefinition;
  /** Top-level command name, e.g. "budget". */
  group: string;
  /** Sub-command name, e.g. "approve" or "show"; null for a group with one tool. */
  sub: string | null;
  options: OptionSpec[];
}

/** Every command of the registry, in registry order. */
export function commandSpecs(registry: ToolRegistry): CommandSpec[] {
  const byGroup = new Map<string, ToolDefinition[]>();
  for (const tool of registry.all()) {
    const group = tool.command.slice(1).split(' ')[0] as string;
    byGroup.set(group, [...(byGroup.get(group) ?? []), tool]);
  }
  const specs: CommandSpec[] = [];
  for (const [group, tools] of byGroup) {
    const subs = new Set(tools.map((t) => t.command.split(' ')[1]).filter((s): s is string => s !== undefined));
    const defaultSub = DEFAULT_SUB_NAMES.find((name) => !subs.has(name)) ?? 'default';
    for (const tool of tools) {
      const sub = tool.command.split(' ')[1] ?? (tools.length > 1 ? defaultSub : null);
      specs.push({ tool, group, sub, options: optionsOf(tool) });
    }
  }
  return specs;
}

/** The spec an interaction's command name and sub-command name lead to. */
export function findSpec(specs: readonly CommandSpec[], name: string, sub: string | null): CommandSpec | undefined {
  return specs.find((s) => s.group === name && s.sub === sub);
}

/** The body of a bulk overwrite (PUT …/commands): the registry, as Discord commands. */
export function registrationPayload(registry: ToolRegistry): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const specs = commandSpecs(registry);
  const en = translator('en');
  const zh = translator('zh');
  const groups = [...new Set(specs.map((s) => s.group))];
  return groups.map((group) => {
    const members = specs.filter((s) => s.group === group);
    const builder = new SlashCommandBuilder().setName(group);
    const single = members.length === 1 && members[0]?.sub === null ? members[0] : undefined;
    if (single) {
      describe(builder, single.tool.summary.en, single.tool.summary.zh);
      for (const option of single.options) addOption(builder, option);
      return builder.toJSON();
    }
    const own = members.find((s) => !s.tool.command.includes(' '));
    const subNames = members.map((s) => s.sub).join(', ');
    describe(
      builder,
      own?.tool.summary.en ?? en('discord.groupDescription', { group, subs: subNames }),
      own?.tool.summary.zh ?? zh('discord.groupDescription', { group, subs: subNames }),
    );
    for (const spec of members) {
      builder.addSubcommand((sub) => {
        describe(sub.setName(spec.sub as string), spec.tool.summary.en, spec.tool.summary.zh);
        for (const option of spec.options) addOption(sub, option);
        return sub;
      });
    }
    return builder.toJSON();
  });
}

function describe(builder: SlashCommandBuilder | SlashCommandSubcommandBuilder, en: string, zh: string): void {
  builder.setDescription(clip(en, COMMAND_LIMITS.description)).setDescriptionLocalizations({ 'zh-CN': clip(zh, COMMAND_LIMITS.description) });
}

function addOption(builder: SlashCommandBuilder | SlashCommandSubcommandBuilder, option: OptionSpec): void {
  const common = <T extends { setName(n: string): T; setDescription(d: string): T; setRequired(r: boolean): T }>(o: T): T =>
    o.setName(option.name).setDescription(clip(option.description, COMMAND_LIMITS.description)).setRequired(option.required);
  switch (option.type) {
    case 'boolean':
      builder.addBooleanOption((o) => common(o));
      return;
    case 'integer':
      builder.addIntegerOption((o) => {
        common(o);
        if (option.minValue !== undefined) o.setMinValue(option.minValue);
        if (option.maxValue !== undefined) o.setMaxValue(option.maxValue);
        return o;
      });
      return;
    case 'number':
      builder.addNumberOption((o) => {
        common(o);
        if (option.minValue !== undefined) o.setMinValue(option.minValue);
        if (option.maxValue !== undefined) o.setMaxValue(option.maxValue);
        return o;
      });
      return;
    case 'string':
      builder.addStringOption((o) => {
        common(o);
        if (option.choices) o.addChoices(...option.choices.map((c) => ({ name: c, value: c })));
        else if (option.autocomplete) o.setAutocomplete(true);
        if (option.minLength !== undefined) o.setMinLength(option.minLength);
        if (option.maxLength !== undefined) o.setMaxLength(option.maxLength);
        return o;
      });
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// ───────────────────────────── interaction → typed command ─────────────────────────────

/** One option value as an interaction carries it. */
export interface OptionValue {
  name: string;
  value: string | number | boolean;
}

/**
 * Writes `value` as one word of the command grammar: as is when it has no spaces, else in the
 * first kind of quotes it does not contain (tokenize() reads "…", '…' and “…”).
 */
export function quoteWord(value: string): string {
  const v = value.replace(/\s+/g, ' ').trim();
  if (v === '') return '';
  if (!/\s/.test(v) && !/^["'“]/.test(v)) return v;
  if (!v.includes('"')) return `"${v}"`;
  if (!v.includes("'")) return `'${v}'`;
  if (!v.includes('”')) return `“${v}”`;
  return `"${v.replace(/"/g, "'")}"`;
}

/** The typed command an interaction stands for, e.g. "/stock WB-500 amazon-us". */
export function typedCommand(spec: CommandSpec, values: readonly OptionValue[]): string {
  const words = [spec.tool.command];
  for (const option of spec.options) {
    const given = values.find((v) => v.name === option.name)?.value;
    if (given === undefined || given === '') continue;
    const typed = option.typed;
    switch (typed.kind) {
      case 'flag':
        if (given === true) words.push(typed.word);
        break;
      case 'raw':
        words.push(String(given).replace(/\s+/g, ' ').trim());
        break;
      case 'keyword':
        words.push(typed.keyword, quoteWord(String(given)));
        break;
      case 'value':
        words.push(quoteWord(String(given)));
    }
  }
  return words.filter((w) => w !== '').join(' ');
}

// ───────────────────────────── usage line → options ─────────────────────────────

/** A zod schema's leaf, as far as option typing needs it. */
interface Leaf {
  kind: 'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'other';
  values?: string[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

/** Discord's number options stop at ±2^53. */
const DISCORD_MAX_NUMBER = 2 ** 53;

function optionsOf(tool: ToolDefinition): OptionSpec[] {
  if (tool.usage.trim() === '') return [];
  return fromUsage(tool) ?? [fallbackOption(tool)];
}

/** One free-text option holding everything after the command, for usage lines we cannot split. */
function fallbackOption(tool: ToolDefinition): OptionSpec {
  const example = tool.examples.map((e) => e.slice(tool.command.length).trim()).find((rest) => rest !== '') ?? tool.usage;
  return {
    name: 'arguments',
    description: `${translator('en')('discord.argsOption', { command: tool.command, example })}`,
    required: /<[^>]+>/.test(tool.usage),
    type: 'string',
    autocomplete: null,
    typed: { kind: 'raw' },
  };
}

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32);
/** A placeholder word such as N, YYYY-MM or C-12, not part of an option's name. */
const PLACEHOLDER = /^([A-Z][A-Z0-9-]*|[A-Z]-\d+)$/;

function fromUsage(tool: ToolDefinition): OptionSpec[] | null {
  const parts = tool.usage.match(/<[^>]*>|\[[^\]]*\]|[^\s<[]+/g) ?? [];
  const shape = objectShape(tool.input);
  const keys = shape ? Object.keys(shape) : [];
  const exampleWords = tool.examples.map((e) => tokenize(e.slice(tool.command.length)).map((w) => w.toLowerCase()));
  const used = new Set<string>();
  const options: OptionSpec[] = [];
  let sawOptional = false;

  for (const [position, part] of parts.entries()) {
    const bracket = part.startsWith('<') ? 'required' : part.startsWith('[') ? 'optional' : null;
    const inner = (bracket ? part.slice(1, -1) : part).trim().replace(/(…|\.\.\.)$/, '').trim();
    if (inner === '' || inner === '|') return null;
    const required = bracket !== 'optional';
    // Discord lists required options first; a usage line with them later is read as free text.
    if (required && sawOptional) return null;
    sawOptional ||= !required;

    const alternatives = inner.split('|').map((a) => a.trim()).filter(Boolean);
    const simpleChoices = !inner.includes(' ') && alternatives.length > 1;
    if (!bracket && !simpleChoices) return null; // a bare literal word: not an option

    // Choices: alternatives that are exactly a zod enum's values ("slack|discord").
    if (simpleChoices) {
      const key = keys.find((k) => !used.has(k) && sameSet(leafOf(shape?.[k]).values, alternatives));
      if (!key) return null;
      used.add(key);
      options.push({ name: slug(key), description: inner, required, type: 'string', choices: alternatives.slice(0, COMMAND_LIMITS.choices), autocomplete: null, typed: { kind: 'value' } });
      continue;
    }

    // "page N": name words, then placeholders; the name words are typed too when examples show them.
    const words = (alternatives[0] ?? '').split(/\s+/);
    const nameWords = words.filter((w) => !PLACEHOLDER.test(w) && /^[a-z][a-z0-9-]*$/i.test(w));
    const dropped = alternatives.length === 1 && nameWords.length > 0 && nameWords.length < words.length;
    const keyByPosition = keys[position] !== undefined && !used.has(keys[position] as string) ? keys[position] : undefined;
    // A name from the usage line ("sku", "user id"); a long list of kinds, or one that is only an
    // example value ("C-12"), takes the schema key's name instead ("query", "customer").
    const usageName = nameWords.length === words.length || dropped ? slug(nameWords.join(' ')) : '';
    let name = usageName.length >= 2 && alternatives.length <= 2 ? usageName : keyByPosition ? slug(keyByPosition) : usageName;
    if (name.length < 2) name = `arg-${position + 1}`;
    const related = (k: string) => norm(k) === norm(name) || norm(name).startsWith(norm(k)) || norm(k).startsWith(norm(name));
    const key = keys.find((k) => !used.has(k) && norm(k) === norm(name)) ?? (keyByPosition && related(keyByPosition) ? keyByPosition : undefined);
    if (key) used.add(key);
    if (options.some((o) => o.name === name)) return null;
    const leaf = leafOf(key ? shape?.[key] : undefined);
    const keyword = nameWords.join(' ').toLowerCase();
    const shownInExamples = keyword !== '' && exampleWords.some((ws) => containsRun(ws, keyword.split(' ')));
    const description = inner;

    if (!dropped && alternatives.length === 1 && nameWords.length === 1 && shownInExamples && (leaf.kind === 'boolean' || leaf.kind === 'other')) {
      // "[dry-run]": a word typed as is, i.e. a yes/no option.
      options.push({ name, description, required, type: 'boolean', autocomplete: null, typed: { kind: 'flag', word: keyword } });
      continue;
    }
    const typed: OptionSpec['typed'] = dropped && shownInExamples ? { kind: 'keyword', keyword } : { kind: 'value' };
    const skuKind = alternatives.some((a) => slug(a).startsWith('sku'));
    options.push(optionFromLeaf(name, description, required, leaf, typed, skuKind));
  }
  return options.length <= COMMAND_LIMITS.options ? options : null;
}

function optionFromLeaf(name: string, description: string, required: boolean, leaf: Leaf, typed: OptionSpec['typed'], skuKind: boolean): OptionSpec {
  const base = { name, description, required, typed };
  if (leaf.kind === 'integer' || leaf.kind === 'number') {
    return {
      ...base,
      type: leaf.kind,
      autocomplete: null,
      ...(leaf.minValue !== undefined && Math.abs(leaf.minValue) <= DISCORD_MAX_NUMBER ? { minValue: leaf.minValue } : {}),
      ...(leaf.maxValue !== undefined && Math.abs(leaf.maxValue) <= DISCORD_MAX_NUMBER ? { maxValue: leaf.maxValue } : {}),
    };
  }
  if (leaf.kind === 'enum' && leaf.values && leaf.values.length <= COMMAND_LIMITS.choices) {
    return { ...base, type: 'string', choices: leaf.values, autocomplete: null };
  }
  const autocomplete: AutocompleteSource | null = skuKind || name.startsWith('sku') ? 'sku' : name === 'platform' || name === 'platforms' ? 'platform' : null;
  return {
    ...base,
    type: 'string',
    autocomplete,
    ...(leaf.minLength !== undefined && leaf.minLength > 0 ? { minLength: Math.min(leaf.minLength, 6000) } : {}),
    ...(leaf.maxLength !== undefined ? { maxLength: Math.min(leaf.maxLength, 6000) } : {}),
  };
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((v) => b.includes(v));
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  return words.some((_, i) => run.every((r, j) => words[i + j] === r));
}

/** The object shape under a tool's schema (through transforms and pipes), if it is an object. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let s: unknown = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    if (s instanceof z.ZodObject) return s.shape as Record<string, z.ZodType>;
    if (s instanceof z.ZodPipe) s = s.in;
    else return null;
  }
  return null;
}

/** What a key's schema accepts, through optional/default/pipe wrappers. */
function leafOf(schema: z.ZodType | undefined): Leaf {
  let s: unknown = schema;
  for (let depth = 0; depth < 10 && s !== undefined; depth += 1) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodReadonly || s instanceof z.ZodCatch) {
      s = (s as { def: { innerType: unknown } }).def.innerType;
    } else if (s instanceof z.ZodPipe) {
      s = s.in;
    } else if (s instanceof z.ZodString) {
      return { kind: 'string', ...(s.minLength !== null ? { minLength: s.minLength } : {}), ...(s.maxLength !== null ? { maxLength: s.maxLength } : {}) };
    } else if (s instanceof z.ZodNumber) {
      const range = {
        ...(s.minValue !== null && Number.isFinite(s.minValue) ? { minValue: s.minValue } : {}),
        ...(s.maxValue !== null && Number.isFinite(s.maxValue) ? { maxValue: s.maxValue } : {}),
      };
      return { kind: s.isInt ? 'integer' : 'number', ...range };
    } else if (s instanceof z.ZodBoolean) {
      return { kind: 'boolean' };
    } else if (s instanceof z.ZodEnum) {
      return { kind: 'enum', values: s.options.map(String) };
    } else {
      return { kind: 'other' };
    }
  }
  return { kind: 'other' };
}

/** Whether `type` is one of the option types we generate (interaction values we read). */
export function isValueOption(type: number): boolean {
  return (
    type === ApplicationCommandOptionType.String ||
    type === ApplicationCommandOptionType.Integer ||
    type === ApplicationCommandOptionType.Number ||
    type === ApplicationCommandOptionType.Boolean
  );
}
