/**
 * Discord payloads as the adapter reads them: the shared real fixtures (the documentation's own
 * examples and their `.current` variants), DMs, guild roles through DISCORD_ROLE_MAP, and which
 * messages are questions for the bot.
 */
import { describe, expect, it } from 'vitest';
import { grantedRoles, parseInteraction, parseMention, type RoleGrant } from '../../../src/adapters/discord/inbound.ts';
import { discordFixture, messageCreate } from '../../helpers/discord.ts';

const BOT = '990000000000000001';
const APP = '990000000000000002';
const grants: RoleGrant[] = [
  { roleId: '539082325061836999', role: 'manager' },
  { roleId: '539082325061836999', role: 'staff' },
  { roleId: '111111111111111111', role: 'admin' },
];

describe('interactions', () => {
  it.each(['discord-app-command.json', 'discord-app-command.current.json'])('reads the slash-command example %s', (name) => {
    const read = parseInteraction(discordFixture(name), grants, APP);
    expect('inbound' in read && read.inbound).toMatchObject({
      kind: 'command',
      name: 'cardsearch',
      sub: null,
      options: [{ name: 'cardname', value: 'The Gitrog Monster' }],
      base: { id: '786008729715212338', channelId: '645027906669510667', locale: 'en-US', guildId: '290926798626357999', user: { platformUserId: '53908232506183680', displayName: 'Mason', grantedRoles: ['manager', 'staff'] } },
    });
  });

  it.each(['discord-button.json', 'discord-button.current.json'])('reads the button example %s, with the pressed label and the rows', (name) => {
    const read = parseInteraction(discordFixture(name), grants, APP);
    expect('inbound' in read && read.inbound).toMatchObject({ kind: 'button', customId: 'click_one', label: 'Click me!', messageId: '844397162624450620' });
    expect('inbound' in read && read.inbound.kind === 'button' && read.inbound.rows[0]?.components[0]).toMatchObject({ custom_id: 'click_one', style: 1 });
    // The member's role is not in the map: no roles granted.
    expect('inbound' in read && 'base' in read.inbound && read.inbound.base.user.grantedRoles).toBeUndefined();
  });

  it('reads a PING, a DM (user, not member) and a sub-command', () => {
    expect(parseInteraction(discordFixture('discord-ping.json'), grants, APP)).toEqual({ inbound: { kind: 'ping' } });
    const dm = {
      ...discordFixture('discord-app-command.current.json'),
      member: undefined,
      guild_id: undefined,
      user: { id: '42424242424242424', username: 'dmuser', global_name: 'DM User' },
      data: { name: 'team', options: [{ type: 1, name: 'link', options: [{ type: 3, name: 'handle', value: 'bob' }] }] },
    };
    const read = parseInteraction(dm, grants, APP);
    expect('inbound' in read && read.inbound).toMatchObject({ kind: 'command', name: 'team', sub: 'link', options: [{ name: 'handle', value: 'bob' }], base: { guildId: null, user: { platformUserId: '42424242424242424', displayName: 'DM User' } } });
  });

  it('refuses a payload of an unexpected shape, naming the field', () => {
    const bad = { ...discordFixture('discord-app-command.current.json'), token: 42 };
    expect(parseInteraction(bad, grants, APP)).toEqual({ problem: 'token' });
    expect(parseInteraction({ type: 99 }, grants, APP)).toHaveProperty('problem');
  });
});

describe('roles', () => {
  it('grants only the roles the map names, for roles the member has', () => {
    expect(grantedRoles(['539082325061836999', '222'], grants)).toEqual(['manager', 'staff']);
    expect(grantedRoles(['222'], grants)).toEqual([]);
    expect(grantedRoles([], [])).toEqual([]);
  });
});

describe('mentions and DMs', () => {
  it('takes a server message that mentions the bot, without the mention', () => {
    const m = parseMention(messageCreate({ authorId: '53908232506183680', content: `<@!${BOT}>  stock WB-500`, mentions: [BOT], roles: ['111111111111111111'] }), BOT, grants);
    expect(m).toMatchObject({ text: 'stock WB-500', user: { platformUserId: '53908232506183680', grantedRoles: ['admin'] } });
  });

  it('takes any DM, and ignores other server messages, bots and webhooks', () => {
    expect(parseMention(messageCreate({ authorId: '53908232506183680', content: 'hi', guildId: null }), BOT, grants)?.text).toBe('hi');
    expect(parseMention(messageCreate({ authorId: '53908232506183680', content: 'lunch?' }), BOT, grants)).toBeNull();
    const bot = { ...messageCreate({ authorId: '77777777777777777', content: `<@${BOT}> hi`, mentions: [BOT] }), author: { id: '77777777777777777', username: 'other', bot: true } };
    expect(parseMention(bot, BOT, grants)).toBeNull();
    const hook = { ...messageCreate({ authorId: '77777777777777777', content: `<@${BOT}> hi`, mentions: [BOT] }), webhook_id: '88888888888888888' };
    expect(parseMention(hook, BOT, grants)).toBeNull();
  });
});
