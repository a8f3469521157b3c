/** Messages of /whoami and, later, the team tools. */
export const en = {
  'whoami.title': 'Who you are',
  'whoami.handle': 'Handle',
  'whoami.name': 'Name',
  'whoami.roles': 'Roles',
  'whoami.platforms': 'Platforms owned',
  'whoami.via': 'Talking through',
  'whoami.commands': 'Commands you may run',
  'whoami.unknown': 'Not linked to a team member: you have the least access.',
  'whoami.piiFull': 'You see customer contact details in full.',
  'whoami.piiMasked': 'Customer contact details are masked for you.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'whoami.title': '你的身份',
  'whoami.handle': '账号',
  'whoami.name': '姓名',
  'whoami.roles': '角色',
  'whoami.platforms': '负责的平台',
  'whoami.via': '当前渠道',
  'whoami.commands': '可用命令',
  'whoami.unknown': '未关联团队成员：你只有最低权限。',
  'whoami.piiFull': '你可以看到完整的客户联系方式。',
  'whoami.piiMasked': '客户联系方式对你是遮蔽显示的。',
};
