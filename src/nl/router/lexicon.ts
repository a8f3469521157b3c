/**
 * Words the offline router knows: platform names and aliases in English and Chinese, and the
 * phrases that signal each intent. Data only; matching lives in slots.ts and router.ts.
 */

/** An alias that names one platform, or several (then the router asks which). */
export interface PlatformAlias {
  pattern: RegExp;
  codes: string[];
}

// Longer, more specific aliases first: "amazon us" must win over "amazon". Codes the
// database does not have are dropped (the demo has six platforms, the large dataset eight).
export const PLATFORM_ALIASES: PlatformAlias[] = [
  { pattern: /amazon[\s.-]*(us|usa|\.com|america)\b|(美国|美)\s*亚马逊|亚马逊\s*(美国|美站)/i, codes: ['amazon-us'] },
  // The medium and large datasets' two extra platforms (absent from the demo: the tools then list the known ones).
  { pattern: /amazon[\s.-]*(uk|gb|britain|\.co\.uk)\b|(英国|英)\s*亚马逊|亚马逊\s*(英国|英站)/i, codes: ['amazon-uk'] },
  { pattern: /tik[\s-]*tok[\s-]*(shop[\s-]*)?(de|germany|deutschland)\b|(德国|德)\s*(抖音|tiktok)/i, codes: ['tiktok-de'] },
  { pattern: /amazon[\s.-]*(de|germany|deutschland|\.de)\b|(德国|德)\s*亚马逊|亚马逊\s*(德国|德站)|\bgermany\b|德国/i, codes: ['amazon-de'] },
  { pattern: /ali[\s-]*express|速卖通|\baliex\b/i, codes: ['aliexpress'] },
  { pattern: /shopee([\s-]*(my|malaysia))?|虾皮|马来西亚|\bmalaysia\b/i, codes: ['shopee-my'] },
  { pattern: /tik[\s-]*tok[\s-]*(shop[\s-]*)?us\b|(美国|美)\s*(抖音|tiktok)/i, codes: ['tiktok-us'] },
  { pattern: /tik[\s-]*tok([\s-]*shop)?|抖音|\btts\b/i, codes: ['tiktok-us', 'tiktok-de'] },
  { pattern: /shopify|独立站|官网|自建站|our (own )?(site|store|shop)|web ?shop/i, codes: ['shopify'] },
  { pattern: /amazon|亚马逊/i, codes: ['amazon-us', 'amazon-de', 'amazon-uk'] },
];

/** Phrases that name a reply language. */
export const LANGUAGE_ALIASES: Array<{ pattern: RegExp; locale: string }> = [
  { pattern: /\b(in )?german\b|\bdeutsch\b|德语|德文/i, locale: 'de' },
  { pattern: /\b(in )?chinese\b|\bmandarin\b|中文|汉语|华语/i, locale: 'zh' },
  { pattern: /\b(in )?english\b|英文|英语/i, locale: 'en' },
];

/** Cue words per intent; a question is scored by how many cues it carries. */
export const INTENT_CUES: Record<string, RegExp[]> = {
  stock: [
    /\bstock\b|\binventory\b|\bin stock\b|\bon hand\b|\bleft\b|\bremaining\b|how many|how much .*(have|left)|\bunits?\b|\bcover\b|run(s|ning)? out|stock-?outs?|\bavailable\b|\binbound\b/i,
    /库存|还剩|剩多少|剩下|多少件|多少个|有多少|断货|缺货|可售|在途|存货/,
  ],
  alloc: [
    /allocat|distribut|split (the |our )?(stock|inventory|units)|trial batch|rebalanc|how (should|do) we (split|divide) (the )?(stock|units)/i,
    /分配库存|库存分配|库存怎么分|分配方案|分配建议|怎么分配库存|调拨|分仓|试销/,
  ],
  reorder: [/reorder|replenish|restock|what (should|do) we (need to )?order|purchase order|order more/i, /补货|采购|下单|要订多少|进货|要补|补什么|补哪些/],
  budget: [/budget|ad spend|spend plan|how (should|do) we spend|\bsplit\b.*\d|\broas\b|pending approvals?/i, /预算|经费|投放|花费|待审批|审批/],
  customer: [
    /customer|buyer|\bbought\b|\bbuy\b|purchase[ds]? history|\bpurchased\b|orders? (of|from|by)|['’]s (orders?|purchases?|history)|who ordered|look ?up/i,
    /客户|顾客|买家|买过|购买记录|订单|下单的人|查一下.*(人|客户)/,
  ],
  copy: [
    /\bcopy\b|\btitles?\b|bullets?|\bdescriptions?\b|captions?|listing text|\bwrite\b|\bdraft\b|slogans?|variants?/i,
    /文案|标题|描述|卖点|写|文字/,
  ],
  margin: [/margin|profit|\bcosts?\b|how much do we (make|earn)|unit economics|shipping (cost|option)|logistics/i, /毛利|利润|成本|赚多少|物流|运费/],
  brand: [/\bbrand\b|core values|tone of voice|banned (words|claims)|audit/i, /品牌|核心价值|调性|违禁词|审核|审查/],
  campaign: [/campaign|promotion plan|black friday|cyber monday|anniversary|launch plan/i, /活动|大促|黑五|双十一|周年庆|促销计划/],
  team: [/\bteam\b|roster|who owns|who is responsible|who handles|open tasks|assignments?/i, /团队|成员|谁负责|负责人|任务分配|待办/],
  ask: [
    /what('s| is| are) (the )?.*(limit|rule|policy|maximum|max|allowed)|how (do|should) we (pick|choose|decide)|\bpolicy\b|\bguidelines?\b|playbook|best practice/i,
    /规则|限制|上限|政策|怎么选|如何选择|打法|策略|手册/,
  ],
  help: [/^\s*(help|\?|what can you do|how do i use|commands?)\b|what can you do/i, /帮助|你能做什么|怎么用|有哪些命令/],
  whoami: [/who am i|my roles?|what roles? do i have|whoami/i, /我是谁|我的角色|我的权限/],
};

/** Words that carry no product meaning, removed before matching product names. */
export const STOPWORDS = new Set(
  'a an the do does did we you i me my our us is are am was were be of for on in at to from by with and or how many much what which when where who whom why please pls can could would will shall tell show give get check any some there here it its this that these those have has had left remaining stock inventory units unit available on hand cover run runs running out stockout stock-out inbound pieces pcs'.split(' '),
);
