/**
 * `npm run discord:register [-- --guild <id> | --global] [--dry-run]`: registers the slash
 * commands generated from the registry. A server (DISCORD_GUILD_ID or --guild) sees them at
 * once; --global registers them for every server the bot is in. --dry-run prints the payload.
 */
import { parseArgs } from 'node:util';
import { DiscordAPIError, REST } from 'discord.js';
import { ConfigError, loadConfig } from '../../../config/env.ts';
import { createRegistry } from '../../../core/tools/index.ts';
import { registrationPayload } from '../commands.ts';
import { registerCommands } from '../register.ts';

const USAGE = `Usage: npm run discord:register [-- --guild <server id> | --global] [--dry-run]

  --guild <id>   register for this server only; changes show at once (default: DISCORD_GUILD_ID)
  --global       register for every server the bot is in (can take up to an hour to show)
  --dry-run      print the commands as JSON instead of registering them
Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_API_URL for a proxy).`;

async function main(): Promise<number> {
  let cli;
  try {
    cli = parseArgs({ options: { guild: { type: 'string' }, global: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (cli.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const registry = createRegistry();
  if (cli.values['dry-run']) {
    process.stdout.write(`${JSON.stringify(registrationPayload(registry), null, 2)}\n`);
    return 0;
  }
  const config = loadConfig();
  const guildId = cli.values.global ? undefined : (cli.values.guild ?? config.DISCORD_GUILD_ID);
  if (cli.values.global && cli.values.guild) {
    process.stderr.write('Choose --guild <id> or --global, not both.\n');
    return 2;
  }
  if (guildId !== undefined && !/^\d{17,20}$/.test(guildId)) {
    process.stderr.write(`--guild ${guildId}: a server id is a number of 17 to 20 digits (Developer Mode → Copy Server ID)\n`);
    return 2;
  }
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    process.stderr.write(`${[!config.DISCORD_TOKEN && 'DISCORD_TOKEN', !config.DISCORD_APPLICATION_ID && 'DISCORD_APPLICATION_ID'].filter(Boolean).join(' and ')} must be set to register commands.\n`);
    return 2;
  }
  if (guildId === undefined && !cli.values.global) {
    process.stderr.write('No DISCORD_GUILD_ID or --guild: registering globally (can take up to an hour to show everywhere).\n');
  }
  const rest = new REST({ version: '10', ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(config.DISCORD_TOKEN);
  try {
    const done = await registerCommands({ rest, applicationId: config.DISCORD_APPLICATION_ID, guildId, registry });
    const where = done.scope === 'guild' ? `server ${guildId} (shows at once)` : 'every server (global)';
    process.stdout.write(`Registered ${done.names.length} commands for ${where}: ${done.names.map((n) => `/${n}`).join(' ')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      const hint = error.status === 401 ? ' (is DISCORD_TOKEN the bot token of this application?)' : error.status === 403 ? ' (is the bot in that server, invited with the applications.commands scope?)' : '';
      process.stderr.write(`Discord refused the commands: ${error.status} ${error.message}${hint}\n`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error:\n${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`discord:register failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
