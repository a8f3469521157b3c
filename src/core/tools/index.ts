/**
 * The one registry. Adding a tool: one file under tools/<area>/, one line here, and its tests.
 * Help, the command grammar, the NL layer and the chat adapters all read from this list.
 */
import type { ToolDefinition } from '../tool.ts';
import { ToolRegistry } from './registry.ts';
import { showHelp } from './help/show-help.ts';
import { showStock } from './stock/show-stock.ts';
import { whoami } from './team/whoami.ts';

/** Every tool of the product, in the order help lists them. */
export const ALL_TOOLS: readonly ToolDefinition[] = [
  showStock,
  showHelp,
  whoami,
];

/** The product's registry. Tests may build their own with `new ToolRegistry([...])`. */
export function createRegistry(tools: readonly ToolDefinition[] = ALL_TOOLS): ToolRegistry {
  return new ToolRegistry(tools);
}

export { ToolRegistry } from './registry.ts';
