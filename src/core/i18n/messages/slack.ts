/** Messages only the Slack adapter shows: progress, button outcomes and truncation notes. */
export const en = {
  'slack.working': 'Working on {command}…',
  'slack.statusTool': 'is running {command}…',
  'slack.statusThinking': 'is thinking…',
  'slack.pressedBy': '{label} · pressed by {user} · {time}',
  'slack.alreadyHandled': 'That button was already pressed; nothing changed.',
  'slack.staleButton': 'That button no longer works. Type the command instead, or /help.',
  'slack.feedbackUseful': 'Useful',
  'slack.feedbackNotUseful': 'Not useful',
  'slack.feedbackUsefulLabel': 'Mark this answer as useful',
  'slack.feedbackNotUsefulLabel': 'Mark this answer as not useful',
  'slack.moreBlocks': '…and {n} more parts not shown here. Narrow the question down to see them.',
  'slack.cut': '…(shortened to fit a Slack message)',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'slack.working': '正在处理 {command}…',
  'slack.statusTool': '正在执行 {command}…',
  'slack.statusThinking': '正在思考…',
  'slack.pressedBy': '{label} · 由 {user} 点击 · {time}',
  'slack.alreadyHandled': '这个按钮已经被点过了，没有任何改动。',
  'slack.staleButton': '这个按钮已失效。请直接输入命令，或使用 /help。',
  'slack.feedbackUseful': '有用',
  'slack.feedbackNotUseful': '没用',
  'slack.feedbackUsefulLabel': '标记这个回答有用',
  'slack.feedbackNotUsefulLabel': '标记这个回答没用',
  'slack.moreBlocks': '……还有 {n} 部分未显示。请缩小问题范围查看。',
  'slack.cut': '……（为适应 Slack 消息长度已截断）',
};
