/**
 * manifest.yml is what the registry says it is, and Slack's own manifest JSON Schema accepts it.
 * When this fails after adding a tool: run `npm run slack:manifest` and commit manifest.yml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/core/tools/index.ts';
import { BOT_EVENTS, buildManifest, manifestYaml } from '../../../src/adapters/slack/manifest.ts';
import { fixtureJson, fixtureText } from '../../helpers/slack.ts';

const onDisk = readFileSync(join(import.meta.dirname, '..', '..', '..', 'manifest.yml'), 'utf8');
const registry = createRegistry();

// Slack's schema uses a few keywords of its own ("regex", "_note"); they carry no rules.
const validate = new Ajv({ strict: false, allErrors: true }).compile(fixtureJson('slack-manifest.schema.1.0.0.json'));

interface Manifest {
  features: { slash_commands: Array<{ command: string; description: string; usage_hint?: string; url?: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
}

describe('manifest.yml', () => {
  it('is exactly what the registry generates (else: npm run slack:manifest)', () => {
    expect(onDisk).toBe(manifestYaml(registry));
  });

  it('has one slash command per capability group of the registry, plus /ops', () => {
    const manifest = parse(onDisk) as Manifest;
    const commands = manifest.features.slash_commands.map((c) => c.command);
    expect(commands).toEqual([...registry.groups().map((g) => `/${g}`), '/ops']);
    const stock = manifest.features.slash_commands.find((c) => c.command === '/stock');
    expect(stock).toMatchObject({ description: registry.get('stock')?.summary.en, usage_hint: registry.get('stock')?.usage });
  });

  it('asks for the scopes and events that commands, mentions, DMs, buttons and the assistant need', () => {
    const manifest = parse(onDisk) as Manifest;
    expect(manifest.oauth_config.scopes.bot).toEqual(['app_mentions:read', 'assistant:write', 'chat:write', 'commands', 'files:write', 'im:history']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('is valid under Slack’s manifest JSON Schema, in Socket Mode and in HTTP mode', () => {
    expect(validate(parse(onDisk)), JSON.stringify(validate.errors)).toBe(true);
    const http = buildManifest(registry, { httpBaseUrl: 'https://ops.example.com/' }) as unknown as Manifest;
    expect(validate(http), JSON.stringify(validate.errors)).toBe(true);
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.event_subscriptions.request_url).toBe('https://ops.example.com/slack/events');
    expect(new Set(http.features.slash_commands.map((c) => c.url))).toEqual(new Set(['https://ops.example.com/slack/events']));
  });

  it('would be refused by the schema if it broke Slack’s rules (the check has teeth)', () => {
    const broken = parse(onDisk) as Manifest & { display_information: { name: string } };
    broken.display_information.name = 'An operations assistant name far too long for Slack';
    broken.features.slash_commands[0] = { command: 'stock', description: '' };
    expect(validate(broken)).toBe(false);
    // And the shared example manifest passes, so the schema is the one Slack publishes.
    expect(validate(parse(fixtureText('slack-app-manifest.yml')))).toBe(true);
  });
});
