/** Slack payloads → ChatRequest: the text a person meant, the command a slash command stands for. */
import { describe, expect, it } from 'vitest';
import { blockActionsSchema, cleanText, commandRequest, commandText, decodeClick, messageEventSchema, slashCommandSchema } from '../../../src/adapters/slack/inbound.ts';
import { fixtureJson, fixtureText } from '../../helpers/slack.ts';

describe('cleanText', () => {
  it('removes the bot’s own mention wherever it is', () => {
    expect(cleanText('<@UBOT> stock WB-500', 'UBOT')).toBe('stock WB-500');
    expect(cleanText('stock WB-500 <@UBOT>', 'UBOT')).toBe('stock WB-500');
    expect(cleanText('<@UBOT|ops>   how many   WB-500?', 'UBOT')).toBe('how many WB-500?');
  });

  it('keeps other people’s mentions as ids, and unwraps links the way they were typed', () => {
    expect(cleanText('team link bob slack <@U0BOB0001|bob>', 'UBOT')).toBe('team link bob slack <@U0BOB0001>');
    expect(cleanText('customer <mailto:jane.doe@example.com|jane.doe@example.com>')).toBe('customer jane.doe@example.com');
    expect(cleanText('see <https://example.com/a?b=1|example.com/a>')).toBe('see example.com/a');
    expect(cleanText('see <https://example.com/x>')).toBe('see https://example.com/x');
    expect(cleanText('in <#C0OPS|ops> tell <!here>')).toBe('in #ops tell @here');
  });

  it('decodes Slack’s entities last, so typed "&lt;" never turns into markup', () => {
    expect(cleanText('copy BT-100 "Tom &amp; Jerry" &lt;@UBOT&gt;', 'UBOT')).toBe('copy BT-100 "Tom & Jerry" <@UBOT>');
  });
});

describe('commandText', () => {
  it('keeps a registry command with its words', () => {
    expect(commandText('/stock', 'WB-500  amazon-us')).toBe('/stock WB-500 amazon-us');
    expect(commandText('/STOCK', '')).toBe('/stock');
  });
  it('passes /ops text on as typed, and makes a bare /ops ask for help', () => {
    expect(commandText('/ops', 'stock WB-500')).toBe('stock WB-500');
    expect(commandText('/ops', '速卖通上 WB-500 还剩多少？')).toBe('速卖通上 WB-500 还剩多少？');
    expect(commandText('/ops', '  ')).toBe('/help');
  });
});

describe('payloads', () => {
  it('reads the shared slash-command fixture', () => {
    const body = slashCommandSchema.parse(Object.fromEntries(new URLSearchParams(fixtureText('slack-slash-command.txt'))));
    expect(commandRequest(body)).toEqual({
      via: 'slack',
      user: { platformUserId: 'U2CERLKJA', displayName: 'roadrunner' },
      channelId: 'G8PSS9T3V',
      text: '/webhook-collect',
    });
  });

  it('reads the shared app_mention fixture', () => {
    const event = messageEventSchema.parse(fixtureJson<{ event: unknown }>('slack-app-mention.json').event);
    expect(event).toMatchObject({ type: 'app_mention', user: 'U222', channel: 'C111', ts: '1610241741.000200' });
    expect(cleanText(event.text, 'U111')).toBe('');
  });

  it('does not take the shared block_actions fixture for one of our buttons', () => {
    const body = blockActionsSchema.parse(fixtureJson('slack-block-actions.json'));
    expect(decodeClick(body)).toEqual({ kind: 'foreign' });
  });

  it('drops payloads without the fields we need', () => {
    expect(slashCommandSchema.safeParse({ command: '/stock', text: 'WB-500' }).success).toBe(false);
    expect(blockActionsSchema.safeParse({ type: 'block_actions', trigger_id: 't', user: { id: 'U1' }, actions: [] }).success).toBe(false);
  });
});
