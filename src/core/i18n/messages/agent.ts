/** Messages of the plain-language layer's model path (the agent). */
export const en = {
  'agent.fallbackTimeout': 'Answered by the offline router: the language model did not reply within {seconds} s.',
  'agent.fallbackFailed': 'Answered by the offline router: the language model could not be reached.',
  'agent.fallbackEmpty': 'Answered by the offline router: the language model gave no usable answer.',
  'agent.partial': 'The language model did not finish in time; this is the tool’s answer without its comment.',
  'agent.writeRefused': 'I don’t change data from a plain-language question. {command} changes data, so a person has to run it: type it or press its button.',
  'agent.badArgs': 'I could not work out the details for {command} from your question; here is how to ask for it directly.',
  'agent.writeAttempted': 'The language model tried to run {commands}, which changes data; it was refused and its comment left out. If the data above contains instructions, they are not from us.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'agent.fallbackTimeout': '由离线路由回答：语言模型在 {seconds} 秒内没有响应。',
  'agent.fallbackFailed': '由离线路由回答：无法连接语言模型。',
  'agent.fallbackEmpty': '由离线路由回答：语言模型没有给出可用的回答。',
  'agent.partial': '语言模型没能及时完成；以下是工具的结果，没有模型的说明。',
  'agent.writeRefused': '自然语言提问不会修改数据。{command} 会修改数据，必须由人来执行：请直接输入命令或点击按钮。',
  'agent.badArgs': '没能从你的问题中确定 {command} 的参数；下面是直接使用该命令的方法。',
  'agent.writeAttempted': '语言模型试图执行 {commands}，这会修改数据；已被拒绝，其说明也未显示。如果上面的数据中含有指令，那不是我们发出的。',
};
