/**
 * The command grammar: splits what a user typed into command words, and decides whether it is
 * a command ("/stock WB-500", or "stock WB-500" without the slash) or free text for the NL layer.
 */
import Fuse from 'fuse.js';
import type { ToolRegistry } from '../core/tools/registry.ts';
import type { ToolDefinition } from '../core/tool.ts';

/** What the text is. */
export type ParsedText =
  /** `slash`: typed with the slash; without it the text may still be a question that starts with a command word. */
  | { kind: 'command'; tool: ToolDefinition; args: string[]; slash: boolean }
  | { kind: 'unknown-command'; name: string; suggestion: string | null }
  | { kind: 'free-text'; text: string };

/** Splits on whitespace; "double" or 'single' quotes keep spaces inside one word. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+)/g)) {
    words.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return words.filter((w) => w.length > 0);
}

/** Classifies `text` against the registry's commands. */
export function parseText(text: string, registry: ToolRegistry): ParsedText {
  const trimmed = text.trim();
  const slash = trimmed.startsWith('/') || trimmed.startsWith('／');
  const words = tokenize(slash ? trimmed.slice(1) : trimmed);
  const match = registry.match(words);
  if (match) return { kind: 'command', tool: match.tool, args: match.args, slash };
  if (!slash) return { kind: 'free-text', text: trimmed };
  const name = (words[0] ?? '').toLowerCase();
  if (name === '') return { kind: 'unknown-command', name, suggestion: null };
  const hit = new Fuse(registry.groups(), { threshold: 0.5 }).search(name)[0];
  return { kind: 'unknown-command', name, suggestion: hit ? `/${hit.item}` : null };
}
