/** Messages of the pipeline itself: input checks, commands, roles, errors and shared values. */
export const en = {
  'input.empty': 'Say something: for example /stock WB-500, or /help for the list.',
  'input.tooLong': 'That message has {length} characters; the limit is {max}. Shorten it and try again.',
  'input.garbled': 'I could not read that: it contains control characters. Type a command such as /stock WB-500.',
  'command.unknown': 'There is no command /{name}.',
  'command.didYouMean': 'Did you mean {suggestion}?',
  'command.seeHelp': 'Type /help to see what you can run.',
  'command.freeText':
    'I answer commands for now, not free text. Try /stock WB-500, or /help for what you can run.',
  'command.usage': 'Usage: {usage}',
  'command.examples': 'Examples: {examples}',
  'input.invalid': 'That does not fit {command}: {problems}.',
  'auth.denied': 'You can’t run {command}: it needs the role {needed}. Your roles: {yours}.',
  'auth.deniedHint': 'Ask an admin if you need it.',
  'auth.unknownUser':
    'I don’t know you yet, so you can only run /help and /whoami. Ask an admin to link your chat account to a team member.',
  'error.internal':
    'Something went wrong on our side (ref {ref}). Nothing was changed. Try again; if it keeps happening, give an admin the ref.',
  'error.title': 'Sorry',
  'roles.none': 'none',
  'value.none': '—',
  'value.days': '{n} d',
  'value.never': 'not within a year',
  'value.moreRows': '…and {n} more',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'input.empty': '请说点什么：例如 /stock WB-500，或用 /help 查看全部命令。',
  'input.tooLong': '这条消息有 {length} 个字符，上限是 {max}。请缩短后再试。',
  'input.garbled': '无法读取：消息里有控制字符。请输入命令，例如 /stock WB-500。',
  'command.unknown': '没有 /{name} 这个命令。',
  'command.didYouMean': '你是想用 {suggestion} 吗？',
  'command.seeHelp': '输入 /help 查看你可以使用的命令。',
  'command.freeText': '目前我只理解命令，还不理解自由提问。试试 /stock WB-500，或用 /help 查看你能用的命令。',
  'command.usage': '用法：{usage}',
  'command.examples': '示例：{examples}',
  'input.invalid': '{command} 的参数不对：{problems}。',
  'auth.denied': '你不能使用 {command}：需要角色 {needed}。你的角色：{yours}。',
  'auth.deniedHint': '如确有需要，请联系管理员。',
  'auth.unknownUser': '我还不认识你，所以你只能使用 /help 和 /whoami。请管理员把你的聊天账号关联到团队成员。',
  'error.internal': '我们这边出了问题（编号 {ref}）。没有任何数据被修改。请重试；如果一直出现，请把编号告诉管理员。',
  'error.title': '抱歉',
  'roles.none': '无',
  'value.none': '—',
  'value.days': '{n} 天',
  'value.never': '一年内不会',
  'value.moreRows': '……还有 {n} 行',
};
