import { describe, expect, it } from 'vitest';
import { route } from '../../../src/nl/router/router.ts';
import { extractSlots, findSkuCodes, type RouterCatalogue } from '../../../src/nl/router/slots.ts';

const catalogue: RouterCatalogue = {
  skuCodes: ['WB-500', 'WB-750', 'BT-100', 'NF-1-PNK'],
  names: [
    { code: 'WB-500', names: ['Insulated water bottle 500 ml', 'Insulated water bottle', '保温水瓶'] },
    { code: 'WB-750', names: ['Insulated water bottle 750 ml', 'Insulated water bottle', '保温水瓶'] },
    { code: 'BT-100', names: ['Bamboo toothbrush 4-pack', 'Bamboo toothbrush', '竹制牙刷'] },
    { code: 'NF-1-PNK', names: ['Nail file pink', 'Glass nail file', '玻璃指甲锉'] },
  ],
  platformCodes: ['aliexpress', 'amazon-de', 'amazon-us', 'shopee-my', 'shopify', 'tiktok-us'],
};
const groups = new Set(['stock', 'help', 'whoami']);

describe('slots', () => {
  it('recognises SKU codes however they are written, only when they exist', () => {
    expect(findSkuCodes('how many wb500 and BT 100, not XX-1?', catalogue)).toEqual(['WB-500', 'BT-100']);
    expect(findSkuCodes('nf-1-pnk left?', catalogue)).toEqual(['NF-1-PNK']);
  });

  it.each([
    ['how many for Amazon US', ['amazon-us']],
    ['亚马逊美国站', ['amazon-us']],
    ['德国亚马逊', ['amazon-de']],
    ['速卖通', ['aliexpress']],
    ['虾皮上', ['shopee-my']],
    ['TikTok Shop', ['tiktok-us']],
    ['独立站', ['shopify']],
    ['on shopee-my and shopify', ['shopee-my', 'shopify']],
  ])('maps %j to %j', (text, platforms) => {
    expect(extractSlots(text, catalogue).platforms).toEqual(platforms);
  });

  it.each([
    ['BT-100 on amazon uk', { platforms: ['amazon-uk'] }],
    ['英国亚马逊', { platforms: ['amazon-uk'] }],
    ['tiktok germany', { platforms: ['tiktok-de'] }],
    ['TikTok Shop US', { platforms: ['tiktok-us'] }],
    ['tiktok shop', { platforms: [], ambiguousPlatform: ['tiktok-us', 'tiktok-de'] }],
    ['amazon', { platforms: [], ambiguousPlatform: ['amazon-us', 'amazon-de', 'amazon-uk'] }],
  ])('on the eight platforms of the large dataset maps %j to %j', (text, slots) => {
    const eight = { ...catalogue, platformCodes: [...catalogue.platformCodes, 'amazon-uk', 'tiktok-de'] };
    expect(extractSlots(text, eight)).toMatchObject(slots);
  });

  it('ignores aliases of platforms the database does not have', () => {
    expect(extractSlots('BT-100 on amazon uk', catalogue).platforms).toEqual([]);
  });

  it('flags an alias that names several platforms', () => {
    expect(extractSlots('bottles on amazon', catalogue)).toMatchObject({ platforms: [], ambiguousPlatform: ['amazon-us', 'amazon-de'] });
  });

  it('turns what is left into a product query', () => {
    expect(extractSlots('how many bamboo toothbrushes do we have left?', catalogue).productQuery).toBe('bamboo toothbrush');
    expect(extractSlots('保温水瓶还有多少', catalogue).productQuery).toBe('保温水瓶');
  });

  it('finds languages', () => {
    expect(extractSlots('three titles in German and 中文', catalogue).locales.sort()).toEqual(['de', 'zh']);
  });
});

describe('route', () => {
  it.each([
    ['how many WB-500 do we have for Amazon US?', '/stock WB-500 amazon-us'],
    ['速卖通上 WB-500 还剩多少？', '/stock WB-500 aliexpress'],
    ['how many wb500 for amazon us', '/stock WB-500 amazon-us'],
    ['WB-500 on tiktok?', '/stock WB-500 tiktok-us'],
    ['when does BT-100 run out', '/stock BT-100'],
    ['竹制牙刷在独立站还有多少', '/stock 竹制牙刷 shopify'],
    ['who am i', '/whoami'],
    ['我的角色是什么', '/whoami'],
    ['what can you do', '/help'],
  ])('%j → %j', (text, command) => {
    expect(route(text, catalogue, groups)).toMatchObject({ kind: 'command', command });
  });

  it('asks which platform when "amazon" could be either', () => {
    const r = route('how many WB-500 on amazon', catalogue, groups);
    expect(r).toMatchObject({ kind: 'clarify', question: 'whichPlatform' });
    if (r.kind === 'clarify') expect(r.options.map((o) => o.command)).toEqual(['/stock WB-500 amazon-us', '/stock WB-500 amazon-de']);
  });

  it('asks which product when a stock question names none', () => {
    expect(route('how much stock do we have on shopify?', catalogue, groups)).toMatchObject({ kind: 'clarify', question: 'whichSku' });
  });

  it('does not guess when it cannot place the question', () => {
    expect(route('what is the weather like in Berlin', catalogue, groups)).toEqual({ kind: 'unknown' });
  });

  it('never routes to a command the registry lacks', () => {
    expect(route('how many WB-500 left', catalogue, new Set(['help']))).toEqual({ kind: 'unknown' });
  });
});
