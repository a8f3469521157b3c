/**
 * Files an answer carries (e.g. /copy export's CSVs) reach Discord as attachments: real
 * discord.js REST (multipart: payload_json and files[n]) against the loopback fake, the real
 * copy tools on a copy of the demo database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, FAKE_APPLICATION_ID, type DiscordCall } from '../../fakes/discord-api.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { commandInteraction, messageCreate, startDiscordBot, type RunningDiscordBot } from '../../helpers/discord.ts';

const DAN = { userId: '223344556677889900' }; // marketing
const CHANNEL = '645027906669510777';

let demo: DemoDb;
let fake: FakeDiscord;
let running: RunningDiscordBot;

type Message = { embeds?: Array<{ title?: string }>; components?: Array<{ components: Array<{ custom_id?: string }> }> };

/** DMs the bot `text` as Dan; resolves with the nth reply posted in that channel. */
async function ask(text: string, nth: number): Promise<DiscordCall> {
  fake.dispatch('MESSAGE_CREATE', messageCreate({ authorId: DAN.userId, content: text, channelId: CHANNEL, guildId: null }));
  return fake.nthCall('POST', new RegExp(`^/channels/${CHANNEL}/messages$`), nth);
}

beforeAll(async () => {
  demo = await openDemoDb();
  await demo.db.teamMember.update({ where: { handle: 'dan' }, data: { discordUserId: DAN.userId } });
  fake = await FakeDiscord.start();
  running = await startDiscordBot({ db: demo.db, fake, gateway: true, now: new Date(demo.referenceDate.getTime() + 12 * 3_600_000) });
  // Approved copy to export, made with the real tools.
  const variants = (await ask('/copy WB-500 amazon-us', 1)).body as Message;
  const approve = variants.components?.flatMap((r) => r.components).find((b) => b.custom_id?.includes('/copy approve '))?.custom_id;
  if (!approve) throw new Error('no Approve button on the variants');
  await ask(approve.replace(/^ops:\d+:/, ''), 2);
});

afterAll(async () => {
  await running?.stop();
  await fake?.stop();
  await demo?.dispose();
});

describe('files an answer carries', () => {
  it('attaches the export’s CSV to a reply to the message', async () => {
    const answer = await ask('/copy export', 3);
    expect((answer.body as Message).embeds?.[0]?.title).toContain('Copy export');
    const first = await fake.nthCall('POST', new RegExp(`^/channels/${CHANNEL}/messages$`), 4);
    expect(first?.files?.[0]).toMatchObject({ field: 'files[0]', contentType: 'text/csv' });
    expect(first?.files?.[0]?.filename).toMatch(/\.csv$/);
    expect(first?.files?.[0]?.content).toContain('Verdant Goods');
    expect(first?.body).toMatchObject({ attachments: [{ id: 0, filename: first?.files?.[0]?.filename }], allowed_mentions: { parse: [] } });
  });

  it('sends them as a follow-up to a slash command', async () => {
    const interaction = commandInteraction(DAN, 'copy', [], 'export');
    fake.dispatch('INTERACTION_CREATE', interaction);
    const followUp = await fake.waitFor('the follow-up with the files', () =>
      fake.calls.find((c) => c.method === 'POST' && c.path === `/webhooks/${FAKE_APPLICATION_ID}/${String(interaction.token)}` && c.files?.length),
    );
    expect(followUp.files?.[0]?.content).toContain('Verdant Goods');
    expect(followUp.authorization).toBeUndefined();
  });
});
