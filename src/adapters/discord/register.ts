/**
 * Registers the registry's commands with Discord: one bulk overwrite (PUT), so commands of
 * tools that were removed disappear too. For one server the change shows at once; globally it
 * can take up to an hour to reach every client.
 */
import { Routes, type REST, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { ToolRegistry } from '../../core/tools/registry.ts';
import { registrationPayload } from './commands.ts';

/** What was registered, and where. */
export interface Registration {
  scope: 'guild' | 'global';
  /** Command names as Discord stored them. */
  names: string[];
}

/** Overwrites the application's commands with the registry's, for `guildId` or globally. */
export async function registerCommands(options: { rest: REST; applicationId: string; guildId?: string | undefined; registry: ToolRegistry }): Promise<Registration> {
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const stored = (await options.rest.put(route, { body: registrationPayload(options.registry) })) as RESTPutAPIApplicationCommandsResult;
  return { scope: options.guildId ? 'guild' : 'global', names: stored.map((c) => c.name) };
}
