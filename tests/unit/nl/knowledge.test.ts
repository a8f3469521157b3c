import { describe, expect, it } from 'vitest';
import { knowledgeBaseOf, loadKnowledgeBase, splitPassages } from '../../../src/nl/knowledge/bm25-knowledge-base.ts';
import { indexText, searchTerms } from '../../../src/nl/knowledge/search-terms.ts';

describe('search terms', () => {
  it('reads English words without filler, and Chinese as character pairs', () => {
    expect(searchTerms("What's Amazon's title limit?")).toEqual(['amazon', 'title', 'limit']);
    expect(searchTerms('how do we pick logistics for light items')).toEqual(['pick', 'logistic', 'light', 'item']);
    expect(searchTerms('亚马逊标题')).toEqual(['亚马', '马逊', '逊标', '标题']);
    expect(searchTerms('怎么选 WB-500')).toEqual(['wb-500']);
  });

  it('indexes Chinese pairs as words so passages in Chinese have a length', () => {
    expect(indexText('Amazon 标题')).toBe('amazon 标题_');
  });
});

describe('passages', () => {
  it('splits a file at its ## headings and keeps keyword lines out of the text', () => {
    const passages = splitPassages('x.md', '# Rules\n\nintro\n\n## First\n\nKeywords: alpha 甲\n\nBody one.\n\n## Second\n关键词：乙\nBody two.\n');
    expect(passages).toEqual([
      { source: 'x.md', title: 'Rules', heading: 'First', text: 'Body one.', keywords: ' alpha 甲' },
      { source: 'x.md', title: 'Rules', heading: 'Second', text: 'Body two.', keywords: '乙' },
    ]);
  });

  it('finds nothing for a question without searchable words', async () => {
    const kb = knowledgeBaseOf(splitPassages('x.md', '# T\n## A\nsomething\n'));
    expect(await kb.search('what is the?', 3)).toEqual([]);
    expect(await kb.search('zebra', 3)).toEqual([]);
  });
});

describe('the knowledge base in knowledge/', () => {
  const cases: Array<[string, string, RegExp]> = [
    ["what's Amazon's title limit?", 'Amazon · title', /200 characters/],
    ['how do we pick logistics for a light item?', 'Costs and logistics', /postal small packet/],
    ['轻小件怎么选物流', '资金资源配置 · 成本控制', /邮政小包/],
    ['亚马逊标题最多多少字', 'Amazon · title', /200 characters/],
    ['how much safety stock for a product selling 1000 a month?', 'Stock: safety stock and trial batches', /200–300/],
    ['新平台首批铺货多少', '产品资源配置 · 库存管理', /100 件/],
    ['which claims are banned in our copy?', 'Banned claims', /best in the world/],
    ['ebay subtitle length', 'eBay · title and subtitle', /55 characters/],
    ['how should we split the budget across platforms', 'Money: budget split', /60 %/],
  ];

  it.each(cases)('answers “%s” with the passage on %s first', async (question, heading, fact) => {
    const kb = await loadKnowledgeBase();
    const [best] = await kb.search(question, 3);
    expect(best?.heading).toBe(heading);
    expect(best?.text).toMatch(fact);
  });
});
