/**
 * The Slack adapter's settings from configuration. Apart from the adapter, so the composition
 * root can tell whether Slack is configured without loading Bolt.
 */
import type { Config } from '../../config/env.ts';

/** How the Slack adapter connects. */
export interface SlackSettings {
  /** "socket": Socket Mode with an app-level token; "http": signed requests on /slack/events. */
  mode: 'socket' | 'http';
  /** xoxb- bot token. */
  botToken: string;
  /** HTTP mode: the app's signing secret. */
  signingSecret?: string | undefined;
  /** Socket Mode: the xapp- app-level token (connections:write). */
  appToken?: string | undefined;
  /** Web API base URL, e.g. https://slack.com/api/ (proxies and loopback tests change it). */
  apiUrl?: string | undefined;
  /** Port for /slack/events (HTTP mode) and /healthz (both); 0 picks a free one. */
  port: number;
  /** Interface to listen on; all by default. */
  host?: string | undefined;
  /** After this many ms without an answer, show "working…" (default 2000). */
  workingNoticeMs?: number | undefined;
  /** Web API retries on network errors and 429s (default 3; the SDK's own ten over half an hour outlive any chat answer). */
  apiRetries?: number | undefined;
  /** How often the notification outbox is looked at when nothing prompts it (ms; default 10 s). */
  outboxIntervalMs?: number | undefined;
}

/** The Slack settings in `config`, or null when Slack is not configured (the console runs then). */
export function slackSettingsFrom(config: Config): SlackSettings | null {
  if (config.SLACK_BOT_TOKEN === undefined) return null;
  // env.ts has already checked that the variables for the chosen mode are there.
  return {
    mode: config.SLACK_MODE ?? (config.SLACK_APP_TOKEN !== undefined ? 'socket' : 'http'),
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    apiUrl: config.SLACK_API_URL,
    port: config.PORT,
  };
}
