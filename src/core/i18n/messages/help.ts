/** Messages of /help. */
export const en = {
  'help.title': 'What I can do',
  'help.intro': 'You are {name} ({roles}). You can run:',
  'help.introUnknown': 'You are not linked to a team member yet. You can run:',
  'help.colCommand': 'Command',
  'help.colWhat': 'What it does',
  'help.footer': 'Every button runs a command you can also type yourself. Add a command name for details: /help stock',
  'help.unknownTopic': 'There is no command {topic} that you can run.',
  'help.detailTitle': 'Help · {command}',
  'help.roles': 'Who may run it',
  'help.rolesEveryone': 'everyone',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'help.title': '我能做什么',
  'help.intro': '你是 {name}（{roles}）。你可以使用：',
  'help.introUnknown': '你还没有关联到团队成员。你可以使用：',
  'help.colCommand': '命令',
  'help.colWhat': '作用',
  'help.footer': '每个按钮都对应一条可以直接输入的命令。加上命令名查看详情：/help stock',
  'help.unknownTopic': '没有你可以使用的 {topic} 命令。',
  'help.detailTitle': '帮助 · {command}',
  'help.roles': '谁可以使用',
  'help.rolesEveryone': '所有人',
};
