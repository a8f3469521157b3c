/** Messages only the Discord adapter shows: button outcomes, stale commands and buttons, command descriptions. */
export const en = {
  'discord.pressedBy': '{label} · pressed by {user} · {time}',
  'discord.alreadyPressed': 'You already pressed that button; nothing changed.',
  'discord.staleButton': 'That button no longer works. Type the command instead, or /help.',
  'discord.staleCommand': 'I no longer know /{name}. Type /help for what you can run; an admin can run npm run discord:register to refresh the commands.',
  'discord.unsupported': 'I can’t handle that kind of interaction. Type /help to see what I can do.',
  'discord.groupDescription': 'Commands for {group}: {subs}',
  'discord.argsOption': 'What follows {command}, e.g. {example}',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'discord.pressedBy': '{label} · 由 {user} 点击 · {time}',
  'discord.alreadyPressed': '你已经点过这个按钮了，没有任何改动。',
  'discord.staleButton': '这个按钮已失效。请直接输入命令，或使用 /help。',
  'discord.staleCommand': '我已经不认识 /{name} 了。输入 /help 查看你能用的命令；管理员可运行 npm run discord:register 更新命令。',
  'discord.unsupported': '我处理不了这种交互。输入 /help 查看我能做什么。',
  'discord.groupDescription': '{group} 相关命令：{subs}',
  'discord.argsOption': '{command} 后面要输入的内容，例如 {example}',
};
