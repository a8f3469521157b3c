/** Messages of /ask, the knowledge-base questions. */
export const en = {
  'ask.title': 'From our knowledge base',
  'ask.summary': 'The closest passages to “{question}”:',
  'ask.nothing': 'Nothing in the knowledge base matches “{question}”.',
  'ask.tryWords': 'Ask with the words the rules would use, e.g. /ask Amazon title limit, /ask safety stock, /ask logistics light item.',
  'ask.unavailable': 'The knowledge base is not loaded in this process, so /ask cannot answer right now.',
  'ask.sources': 'Sources: {sources} (knowledge/ in the repo). Rules marked third-party are unconfirmed; check the platform before relying on them.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'ask.title': '知识库',
  'ask.summary': '与“{question}”最相关的段落：',
  'ask.nothing': '知识库里没有与“{question}”相关的内容。',
  'ask.tryWords': '试着用规则里会出现的词来问，例如 /ask 亚马逊 标题 字数、/ask 安全库存、/ask 轻小件 物流。',
  'ask.unavailable': '当前进程没有加载知识库，/ask 暂时无法回答。',
  'ask.sources': '来源：{sources}（仓库中的 knowledge/ 目录）。标注为第三方的规则未经平台确认，使用前请核实。',
};
