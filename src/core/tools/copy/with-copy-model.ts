/**
 * Puts a model behind the /copy tools. The registry's default tools use the deterministic
 * composer; the composition root swaps in model-backed ones when a model is configured:
 * `createRegistry(withCopyModel(ALL_TOOLS, copyModelFromConfig(config)))`.
 */
import type { ToolDefinition } from '../../tool.ts';
import type { CopyModel } from '../../domain/copy/generator.ts';
import { makeGenerateCopy } from './generate-copy.ts';
import { makeRegenerateCopy } from './regenerate-copy.ts';

/** `tools` with /copy and /copy regenerate writing through `model` (unchanged when it is null). */
export function withCopyModel(tools: readonly ToolDefinition[], model: CopyModel | null): ToolDefinition[] {
  if (!model) return [...tools];
  const generate = makeGenerateCopy(model) as unknown as ToolDefinition;
  const regenerate = makeRegenerateCopy(model) as unknown as ToolDefinition;
  return tools.map((tool) => (tool.name === generate.name ? generate : tool.name === regenerate.name ? regenerate : tool));
}
