/**
 * `npm run discord:register` as an operator runs it: against a fake Discord on loopback, with
 * the configuration in the environment; and its refusals, one clear line each.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/core/tools/index.ts';
import { registrationPayload } from '../../src/adapters/discord/commands.ts';
import { FakeDiscord, FAKE_APPLICATION_ID } from '../fakes/discord-api.ts';
import { BOT_TOKEN } from '../helpers/discord.ts';

const repo = join(import.meta.dirname, '..', '..');
const GUILD = '290926798626357999';
let fake: FakeDiscord;

function register(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Only our variables: a developer's own DISCORD_* must not leak into the run.
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_')));
    const child = spawn('npm', ['run', '--silent', 'discord:register', '--', ...args], { cwd: repo, env: { ...base, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.stop();
});

describe('npm run discord:register', () => {
  it('registers the registry’s commands for the configured server', async () => {
    const { code, stdout, stderr } = await register([], { DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: GUILD });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const names = createRegistry().groups();
    expect(stdout).toBe(`Registered ${names.length} commands for server ${GUILD} (shows at once): ${names.map((n) => `/${n}`).join(' ')}\n`);
    const call = await fake.nthCall('PUT', new RegExp(`^/applications/${FAKE_APPLICATION_ID}/guilds/${GUILD}/commands$`));
    expect(call.body).toEqual(JSON.parse(JSON.stringify(registrationPayload(createRegistry()))));
  });

  it('prints the payload with --dry-run, needing no token', async () => {
    const { code, stdout } = await register(['--dry-run'], {});
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(registrationPayload(createRegistry()))));
  });

  it('says which variables are missing, and registers nothing', async () => {
    const before = fake.calls.length;
    const missing = await register(['--guild', GUILD], { DISCORD_API_URL: fake.apiUrl });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register commands.\n');
    expect(fake.calls.length).toBe(before);
  });

  it('names each bad variable on a line of its own', async () => {
    const bad = await register([], { DISCORD_TOKEN: 'Bot abc', DISCORD_APPLICATION_ID: '12' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Configuration error:\nDISCORD_TOKEN: must be the bot token .*\nDISCORD_APPLICATION_ID: must be the Application ID .*\n$/);
  });

  it('refuses a server id that is not one', async () => {
    const before = fake.calls.length;
    const badGuild = await register(['--guild', 'general'], { DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
    expect(badGuild.code).toBe(2);
    expect(badGuild.stderr).toContain('--guild general: a server id is a number of 17 to 20 digits');
    expect(fake.calls.length).toBe(before);
  });
});
