/**
 * Command registration through discord.js's REST client against a fake Discord: one bulk
 * overwrite with exactly the registry's payload, for one server or globally, with the bot token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST } from 'discord.js';
import { createRegistry } from '../../../src/core/tools/index.ts';
import { registrationPayload } from '../../../src/adapters/discord/commands.ts';
import { registerCommands } from '../../../src/adapters/discord/register.ts';
import { FakeDiscord, FAKE_APPLICATION_ID } from '../../fakes/discord-api.ts';
import { BOT_TOKEN } from '../../helpers/discord.ts';

const GUILD = '290926798626357999';
let fake: FakeDiscord;
let rest: REST;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  rest = new REST({ version: '10', api: fake.apiUrl, retries: 0 }).setToken(BOT_TOKEN);
});

afterAll(async () => {
  await fake?.stop();
});

describe('registerCommands', () => {
  it('overwrites one server’s commands with the registry’s', async () => {
    const registry = createRegistry();
    const done = await registerCommands({ rest, applicationId: FAKE_APPLICATION_ID, guildId: GUILD, registry });
    const call = await fake.nthCall('PUT', new RegExp(`^/applications/${FAKE_APPLICATION_ID}/guilds/${GUILD}/commands$`));
    expect(call.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(call.body).toEqual(JSON.parse(JSON.stringify(registrationPayload(registry))));
    expect(done).toEqual({ scope: 'guild', names: registry.groups() });
  });

  it('registers globally without a server', async () => {
    const done = await registerCommands({ rest, applicationId: FAKE_APPLICATION_ID, registry: createRegistry() });
    await fake.nthCall('PUT', new RegExp(`^/applications/${FAKE_APPLICATION_ID}/commands$`));
    expect(done.scope).toBe('global');
  });
});
