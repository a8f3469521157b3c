/**
 * The tool registry: the single list that help, the command grammar, the NL layer, Slack's
 * manifest and Discord's command registration are all derived from.
 */
import type { Actor, ToolDefinition } from '../tool.ts';
import { mayRun } from '../tool.ts';

/** Where a command's words lead: the tool and the words left for its arguments. */
export interface CommandMatch {
  tool: ToolDefinition;
  args: string[];
}

/** An immutable set of tools, looked up by name or by command words. */
export class ToolRegistry {
  readonly #byName = new Map<string, ToolDefinition>();
  readonly #byCommand = new Map<string, ToolDefinition>();

  constructor(tools: readonly ToolDefinition[]) {
    for (const tool of tools) {
      if (!/^\/[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)?$/.test(tool.command)) {
        throw new Error(`tool ${tool.name}: command "${tool.command}" must look like "/group" or "/group sub"`);
      }
      if (this.#byName.has(tool.name)) throw new Error(`duplicate tool name ${tool.name}`);
      if (this.#byCommand.has(tool.command)) throw new Error(`duplicate command ${tool.command}`);
      this.#byName.set(tool.name, tool);
      this.#byCommand.set(tool.command, tool);
    }
  }

  /** Every tool, in registration order. */
  all(): ToolDefinition[] {
    return [...this.#byName.values()];
  }

  get(name: string): ToolDefinition | undefined {
    return this.#byName.get(name);
  }

  /** The tools `actor` may run. */
  allowedFor(actor: Pick<Actor, 'roles'>): ToolDefinition[] {
    return this.all().filter((tool) => mayRun(tool, actor));
  }

  /** Top-level command names ("stock", "budget"), one per capability group. */
  groups(): string[] {
    return [...new Set(this.all().map((tool) => tool.command.slice(1).split(' ')[0] as string))];
  }

  /**
   * Resolves command words, e.g. ["budget", "approve", "BR-12"]: a sub-command wins over the
   * group's default tool, so "/alloc reorder" and "/alloc WB-500" reach different tools.
   */
  match(words: readonly string[]): CommandMatch | undefined {
    const [group, sub, ...rest] = words.map((w) => w.toLowerCase());
    if (group === undefined) return undefined;
    if (sub !== undefined) {
      const subTool = this.#byCommand.get(`/${group} ${sub}`);
      if (subTool) return { tool: subTool, args: words.slice(2) };
    }
    const groupTool = this.#byCommand.get(`/${group}`);
    if (groupTool) return { tool: groupTool, args: words.slice(1) };
    void rest;
    return undefined;
  }
}
