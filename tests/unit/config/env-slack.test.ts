/** Slack's variables: one clear line per bad or missing one, and never the secret itself. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/env.ts';
import { slackSettingsFrom } from '../../../src/adapters/slack/app.ts';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n');
  }
};

const secret = '8f742231b10e8888abcd99yyyzzz85a5';

describe('Slack configuration', () => {
  it('runs the console when no Slack variable is set', () => {
    expect(slackSettingsFrom(loadConfig({}))).toBeNull();
  });

  it('picks HTTP mode with a signing secret, Socket Mode with an app token', () => {
    const http = slackSettingsFrom(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: secret, SLACK_API_URL: 'http://127.0.0.1:9999/api', PORT: '8080' }));
    expect(http).toMatchObject({ mode: 'http', port: 8080, apiUrl: 'http://127.0.0.1:9999/api/', signingSecret: secret });
    const socket = slackSettingsFrom(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-2-abc', SLACK_SIGNING_SECRET: secret }));
    expect(socket).toMatchObject({ mode: 'socket', port: 3000, appToken: 'xapp-1-A1-2-abc' });
    expect(slackSettingsFrom(loadConfig({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: secret }))?.mode).toBe('http');
  });

  it('names each missing partner variable', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual(['SLACK_SIGNING_SECRET: is required for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode']);
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual(['SLACK_BOT_TOKEN: is required with SLACK_APP_TOKEN, SLACK_SIGNING_SECRET or SLACK_MODE (the xoxb- Bot User OAuth Token)']);
    expect(problems({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: secret })).toEqual(['SLACK_APP_TOKEN: is required for Socket Mode (an xapp- app-level token with connections:write)']);
  });

  it('gives one line per malformed variable, without echoing its value', () => {
    const lines = problems({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_SIGNING_SECRET: 'short', SLACK_API_URL: 'ftp://x', SLACK_MODE: 'rtm', PORT: '99999' });
    expect(lines).toEqual([
      'SLACK_BOT_TOKEN: must be the Bot User OAuth Token, starting with xoxb- (OAuth & Permissions)',
      'SLACK_SIGNING_SECRET: must be the Signing Secret from Basic Information → App Credentials',
      'SLACK_API_URL: must be an http(s) URL such as https://slack.com/api/',
      'SLACK_MODE: must be socket or http',
      'PORT: must be at most 65535',
    ]);
    expect(lines.join('\n')).not.toContain('xoxp-user-token-secret');
  });
});
