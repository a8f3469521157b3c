/**
 * The Discord adapter's settings from configuration. Apart from the adapter, so the composition
 * root can tell whether Discord is configured without loading discord.js.
 */
import type { Config } from '../../config/env.ts';
import type { RoleGrant } from './inbound.ts';

/** How the Discord adapter connects. */
export interface DiscordSettings {
  applicationId: string;
  /** Bot token: connect to the gateway. */
  token?: string | undefined;
  /** Application public key (hex): serve POST /discord/interactions. */
  publicKey?: string | undefined;
  /** REST base as discord.js's rest.api takes it, e.g. https://discord.com/api. */
  apiUrl?: string | undefined;
  /** Port for /discord/interactions and /healthz; 0 picks a free one. */
  port: number;
  /** Interface to listen on; all by default. */
  host?: string | undefined;
  /** Discord roles that grant our roles (DISCORD_ROLE_MAP). */
  roleGrants: readonly RoleGrant[];
  /** An answer not ready after this many ms is deferred (default 2000; 0 defers all). */
  deferAfterMs?: number | undefined;
  /** REST retries on network errors and 5xx (default: discord.js's own). */
  restRetries?: number | undefined;
  /**
   * Serve the HTTP endpoint on a server of our own (default). False when another server on
   * PORT (Slack's HTTP receiver) mounts `listener` at POST /discord/interactions instead.
   */
  ownServer?: boolean | undefined;
}

/** The Discord settings in `config`, or null when Discord is not configured. */
export function discordSettingsFrom(config: Config): DiscordSettings | null {
  if (config.DISCORD_APPLICATION_ID === undefined || (config.DISCORD_TOKEN === undefined && config.DISCORD_PUBLIC_KEY === undefined)) return null;
  return {
    applicationId: config.DISCORD_APPLICATION_ID,
    token: config.DISCORD_TOKEN,
    publicKey: config.DISCORD_PUBLIC_KEY,
    apiUrl: config.DISCORD_API_URL,
    port: config.PORT,
    roleGrants: config.DISCORD_ROLE_MAP,
  };
}
