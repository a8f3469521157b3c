/**
 * The Slack app manifest, derived from the tool registry: one slash command per capability
 * group (plus /ops), the fewest bot scopes that make commands, mentions, DMs, buttons and the
 * assistant surface work, and Socket Mode (or, for production, the HTTP request URLs).
 * `npm run slack:manifest` writes manifest.yml from it; a test keeps the two equal.
 */
import { stringify } from 'yaml';
import { translator } from '../../core/i18n/index.ts';
import { suggestedPrompts } from '../../core/domain/assistant/suggested-prompts.ts';
import type { ToolDefinition } from '../../core/tool.ts';
import type { ToolRegistry } from '../../core/tools/registry.ts';
import { OPS_COMMAND } from './inbound.ts';
import { cut } from './render.ts';

/** Bot scopes, each for a reason. */
export const BOT_SCOPES = [
  'app_mentions:read', // app_mention events
  'assistant:write', // the assistant side panel: status, suggested prompts, thread titles
  'chat:write', // answers, chat.update after a button, ephemeral refusals, streaming, approval cards and DMs
  'commands', // slash commands
  'files:write', // files a reply carries (e.g. /copy export's CSVs), uploaded beside the answer
  'im:history', // message.im events (DMs) and reading assistant threads
] as const;

/** Events the bot subscribes to. */
export const BOT_EVENTS = ['app_mention', 'assistant_thread_context_changed', 'assistant_thread_started', 'message.im'] as const;

/** Options of {@link buildManifest}. */
export interface ManifestOptions {
  /** HTTP mode: the public base URL, e.g. https://ops.example.com (Socket Mode when absent). */
  httpBaseUrl?: string;
}

interface SlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  url?: string;
  should_escape: boolean;
}

/** The slash commands: one per group of the registry, then /ops. */
export function slashCommands(registry: ToolRegistry, requestUrl?: string): SlashCommand[] {
  const url = requestUrl ? { url: requestUrl } : {};
  if (registry.groups().includes(OPS_COMMAND.slice(1))) throw new Error(`a tool group ${OPS_COMMAND} would hide Slack's own ${OPS_COMMAND} entry; pick another name`);
  const commands: SlashCommand[] = registry.groups().map((group) => {
    const tools = registry.all().filter((tool) => tool.command === `/${group}` || tool.command.startsWith(`/${group} `));
    const main = tools.find((tool) => tool.command === `/${group}`);
    const subs = tools.filter((tool) => tool !== main);
    const hints = [
      ...(main && main.usage ? [main.usage] : []),
      ...subs.map((tool: ToolDefinition) => `${tool.command.slice(group.length + 2)} ${tool.usage}`.trim()),
    ];
    const description = main ? main.summary.en : subs.map((tool) => tool.summary.en).join('; ');
    return {
      command: `/${group}`,
      description: cut(description, 2000),
      ...(hints.length > 0 ? { usage_hint: cut(hints.join(' | '), 1000) } : {}),
      ...url,
      should_escape: false,
    };
  });
  commands.push({
    command: OPS_COMMAND,
    description: 'Ask anything: a command without its slash, or a question in English or Chinese',
    usage_hint: '[stock WB-500 | how many WB-500 for amazon-us?]',
    ...url,
    should_escape: false,
  });
  return commands;
}

/** The manifest as an object (what Slack's "Create app from manifest" takes). */
export function buildManifest(registry: ToolRegistry, options: ManifestOptions = {}): Record<string, unknown> {
  const requestUrl = options.httpBaseUrl ? `${options.httpBaseUrl.replace(/\/+$/, '')}/slack/events` : undefined;
  const prompts = suggestedPrompts(registry, { roles: ['staff'] }, translator('en'));
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Ops Assistant',
      description: 'Stock, customers, copy and budgets across every marketplace, from chat.',
      background_color: '#2f4f3a',
      long_description:
        'An operations assistant for brands that sell the same products on Amazon, AliExpress, Shopee, TikTok Shop, eBay and Shopify. ' +
        'Ask in English or Chinese with slash commands, mentions, DMs or the assistant panel: stock per warehouse and platform, ' +
        'days of cover and stock-out dates, and (as the team adds them) customers, copy, allocation and budgets with approvals. ' +
        'Everyone sees only what their role allows; every change is audited.',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: 'ops', always_online: true },
      assistant_view: {
        assistant_description: 'Ask about stock, customers, copy and budgets; answers come from your own data, in English or Chinese.',
        ...(prompts.length > 0 ? { suggested_prompts: prompts } : {}),
      },
      slash_commands: slashCommands(registry, requestUrl),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: requestUrl === undefined,
      token_rotation_enabled: false,
    },
  };
}

const HEADER = `# Slack app manifest: paste it into https://api.slack.com/apps → "Create New App" → "From an app manifest".
# Generated from the tool registry by \`npm run slack:manifest\`; do not edit by hand (a test compares them).
# This one is for Socket Mode. For HTTP mode: npm run slack:manifest -- --http-url https://your-host
`;

/** The manifest as YAML text, as written to manifest.yml. */
export function manifestYaml(registry: ToolRegistry, options: ManifestOptions = {}): string {
  return HEADER + stringify(buildManifest(registry, options), { lineWidth: 0 });
}
