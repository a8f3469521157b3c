/**
 * Words the offline router knows: platform names and aliases in English and Chinese, and the
 * phrases that signal each intent. Data only; matching lives in slots.ts and router.ts.
 */

/** An alias that names one platform, or several (then the router asks which). */
export interface PlatformAlias {
  pattern: RegExp;
  codes: string[];
}

// Longer, more specific aliases first: "amazon us" must win over "amazon".
export const PLATFORM_ALIASES: PlatformAlias[] = [
  { pattern: /amazon[\s.-]*(us|usa|\.com|america)\b|(美国|美)\s*亚马逊|亚马逊\s*(美国|美站)/i, codes: ['amazon-us'] },
  { pattern: /amazon[\s.-]*(de|germany|deutschland|\.de)\b|(德国|德)\s*亚马逊|亚马逊\s*(德国|德站)|\bgermany\b|德国/i, codes: ['amazon-de'] },
  { pattern: /ali[\s-]*express|速卖通|\baliex\b/i, codes: ['aliexpress'] },
  { pattern: /shopee([\s-]*(my|malaysia))?|虾皮|马来西亚|\bmalaysia\b/i, codes: ['shopee-my'] },
  { pattern: /tik[\s-]*tok([\s-]*(shop|us))?|抖音|\btts\b/i, codes: ['tiktok-us'] },
  { pattern: /shopify|独立站|官网|自建站|our (own )?(site|store|shop)|web ?shop/i, codes: ['shopify'] },
  { pattern: /amazon|亚马逊/i, codes: ['amazon-us', 'amazon-de'] },
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
  help: [/^\s*(help|\?|what can you do|how do i use|commands?)\b|what can you do/i, /帮助|你能做什么|怎么用|有哪些命令/],
  whoami: [/who am i|my roles?|what roles? do i have|whoami/i, /我是谁|我的角色|我的权限/],
};

/** Words that carry no product meaning, removed before matching product names. */
export const STOPWORDS = new Set(
  'a an the do does did we you i me my our us is are am was were be of for on in at to from by with and or how many much what which when where who whom why please pls can could would will shall tell show give get check any some there here it its this that these those have has had left remaining stock inventory units unit available on hand cover run runs running out stockout stock-out inbound pieces pcs'.split(' '),
);
