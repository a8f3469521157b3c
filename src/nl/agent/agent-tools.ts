/**
 * The registry's tools as the model sees them: name, a one-line description and the JSON schema
 * of the tool's own zod input. Derived, never listed by hand, so every tool another engineer adds
 * reaches the agent with no change here. Only reads and proposals are offered, and only those the
 * asking user may run: a write always needs a person's button or typed command.
 */
import { z } from 'zod';
import { mayRun, type Actor, type ToolDefinition } from '../../core/tool.ts';
import type { ToolRegistry } from '../../core/tools/registry.ts';

/** A tool as offered to the model. */
export interface OfferedTool {
  definition: ToolDefinition;
  description: string;
  /** JSON schema of the tool's input (an object schema). */
  parameters: Record<string, unknown>;
}

const parametersCache = new WeakMap<ToolDefinition, Record<string, unknown> | null>();

// Bounds and patterns cost tokens on every model call and decide nothing: the pipeline's zod
// schema checks every call, and its error goes back to the model. Types, enums, required
// fields and descriptions stay.
const VALIDATION_ONLY = new Set(['$schema', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'additionalProperties', 'format']);

function stripValidation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripValidation);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !VALIDATION_ONLY.has(key))
      // Inside "properties" the keys are argument names, never keywords: keep them all.
      .map(([key, v]) => [key, key === 'properties' && v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([name, prop]) => [name, stripValidation(prop)])) : stripValidation(v)]),
  );
}

/** Whether the agent may ever call `tool`: reads and proposals, never writes. */
export function agentMayCall(tool: Pick<ToolDefinition, 'effect'>): boolean {
  return tool.effect === 'read' || tool.effect === 'propose';
}

/**
 * The JSON schema of a tool's input as the model should fill it (zod's input side, so trims and
 * transforms apply after the model); null when the input is not an object and cannot be a function call.
 */
export function toolParameters(tool: ToolDefinition): Record<string, unknown> | null {
  if (parametersCache.has(tool)) return parametersCache.get(tool) ?? null;
  let parameters: Record<string, unknown> | null = null;
  try {
    const schema = stripValidation(z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' })) as Record<string, unknown>;
    if (schema.type === 'object') parameters = schema;
  } catch {
    parameters = null;
  }
  parametersCache.set(tool, parameters);
  return parameters;
}

/** One short line: what the tool does and its typed form, which tells the model what the arguments mean. */
export function toolDescription(tool: ToolDefinition): string {
  return `${tool.summary.en}. Typed: ${`${tool.command} ${tool.usage}`.trim()}`;
}

/** The tools offered to `actor`, in registry order. */
export function offeredTools(registry: ToolRegistry, actor: Pick<Actor, 'roles'>): OfferedTool[] {
  return registry
    .allowedFor(actor)
    .filter(agentMayCall)
    .flatMap((definition) => {
      const parameters = toolParameters(definition);
      return parameters ? [{ definition, description: toolDescription(definition), parameters }] : [];
    });
}
