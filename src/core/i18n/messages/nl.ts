/** Messages of the plain-language layer. */
export const en = {
  'nl.whichPlatform': 'Which platform do you mean?',
  'nl.whichSku': 'Which product do you mean? Give a SKU code such as WB-500, or part of its name.',
  'nl.whichCustomer': 'Which customer? Give an email, a phone number, an order id or a name.',
  'nl.notUnderstood': 'I could not place that question. Here is what I can answer; you can also ask in plain words, e.g. “how many WB-500 for Amazon US?”.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'nl.whichPlatform': '你指的是哪个平台？',
  'nl.whichSku': '你指的是哪个产品？请给出 SKU 编码（如 WB-500）或产品名称的一部分。',
  'nl.whichCustomer': '哪位客户？请提供邮箱、电话、订单号或姓名。',
  'nl.notUnderstood': '我没能理解这个问题。下面是我能回答的内容；也可以直接用自然语言问，例如“速卖通上 WB-500 还剩多少？”。',
};
