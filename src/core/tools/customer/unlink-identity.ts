/**
 * `/customer unlink <I-12 | platform:buyer-id> [reason]`: takes an identity off its customer.
 * For cs leads (manager, admin). Reversible with `/customer link`; audited; identity resolution
 * leaves the identity on its own from then on.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { defineTool } from '../../tool.ts';
import { CS_LEAD_ROLES, parseIdentityRef, unlinkIdentity } from '../../domain/customers/link-service.ts';
import { explainLinkErrors } from './link-errors.ts';

const input = z.object({
  identity: z
    .string({ error: 'say which identity, e.g. I-12 or amazon-us:A1B2C3D4E5F6G7' })
    .trim()
    .min(2, 'say which identity, e.g. I-12 or amazon-us:A1B2C3D4E5F6G7')
    .max(80, 'an identity ref is at most 80 characters'),
  reason: z.string().trim().max(200, 'keep the reason under 200 characters').optional(),
});

/** The unlink tool. */
export const unlinkCustomerIdentity = defineTool({
  name: 'customer-unlink',
  command: '/customer unlink',
  summary: { en: 'Take an identity off its customer (reversible, audited)', zh: '把一个平台身份从客户上解除关联（可撤销，有审计记录）' },
  usage: '<I-12 | platform:buyer-id> [reason]',
  examples: ['/customer unlink I-3 not the same person', '/customer unlink amazon-us:A1B2C3D4E5F6G7'],
  roles: CS_LEAD_ROLES,
  effect: 'write',
  input,
  parseArgs(tokens) {
    const [identity, ...reason] = tokens;
    return { identity: identity ?? '', ...(reason.length > 0 ? { reason: reason.join(' ') } : {}) };
  },
  async run(ctx, args) {
    const { t } = ctx;
    const ref = parseIdentityRef(args.identity);
    if (!ref) throw new ToolError('invalid_input', t('customer.link.badIdentityRef', { text: args.identity }), { hints: [t('customer.link.identityHint')] });
    const change = await explainLinkErrors(ctx, () =>
      ctx.transaction((tx, audit) =>
        unlinkIdentity(tx, audit, { ref, by: ctx.actor.ref, at: ctx.now, ...(args.reason ? { reason: args.reason } : {}) }),
      ),
    );
    const identity = `I-${change.identityId}`;
    const from = `C-${change.from}`;
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('customer.unlink.title', { identity, customer: from }),
      summary: t('customer.unlink.summary', { identity, platform: change.platform, buyer: change.externalId, customer: from }),
      notes: [t('customer.unlink.stays')],
      actions: [
        { id: `customer-link:${identity}:${from}`, label: t('customer.undoButton'), command: `/customer link ${identity} ${from}` },
        { id: `customer:${from}`, label: t('customer.showButton', { ref: from }), command: `/customer ${from}` },
        { id: `customer:${identity}`, label: t('customer.showButton', { ref: identity }), command: `/customer ${identity}` },
      ],
    };
  },
});
