/**
 * `/customer link <I-12 | platform:buyer-id> <C-3> [reason]`: links an identity to a customer
 * by hand, moving it if it is linked elsewhere. For cs leads (manager, admin). The link records
 * who did it, why, and what evidence supports it; audited; resolution never moves it.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { defineTool } from '../../tool.ts';
import { CS_LEAD_ROLES, linkIdentity, parseCustomerRef, parseIdentityRef } from '../../domain/customers/link-service.ts';
import { explainLinkErrors } from './link-errors.ts';

const input = z.object({
  identity: z
    .string({ error: 'say which identity, e.g. I-12 or amazon-us:A1B2C3D4E5F6G7' })
    .trim()
    .min(2, 'say which identity, e.g. I-12 or amazon-us:A1B2C3D4E5F6G7')
    .max(80, 'an identity ref is at most 80 characters'),
  customer: z.string({ error: 'say which customer, e.g. C-1' }).trim().regex(/^C-?\d{1,9}$/i, 'a customer looks like C-1'),
  reason: z.string().trim().max(200, 'keep the reason under 200 characters').optional(),
});

/** The link tool. */
export const linkCustomerIdentity = defineTool({
  name: 'customer-link',
  command: '/customer link',
  summary: { en: 'Link an identity to a customer by hand (reversible, audited)', zh: '手动把一个平台身份关联到客户（可撤销，有审计记录）' },
  usage: '<I-12 | platform:buyer-id> <C-3> [reason]',
  examples: ['/customer link I-3 C-1 same person, confirmed by phone', '/customer link amazon-us:A1B2C3D4E5F6G7 C-12'],
  roles: CS_LEAD_ROLES,
  effect: 'write',
  input,
  parseArgs(tokens) {
    const [identity, customer, ...reason] = tokens;
    return { identity: identity ?? '', customer: customer ?? '', ...(reason.length > 0 ? { reason: reason.join(' ') } : {}) };
  },
  async run(ctx, args) {
    const { t } = ctx;
    const ref = parseIdentityRef(args.identity);
    if (!ref) throw new ToolError('invalid_input', t('customer.link.badIdentityRef', { text: args.identity }), { hints: [t('customer.link.identityHint')] });
    const customerId = parseCustomerRef(args.customer) as number;
    const change = await explainLinkErrors(ctx, () =>
      ctx.transaction((tx, audit) =>
        linkIdentity(tx, audit, { ref, customerId, by: ctx.actor.ref, at: ctx.now, ...(args.reason ? { reason: args.reason } : {}) }),
      ),
    );
    const identity = `I-${change.identityId}`;
    const to = `C-${customerId}`;
    const undo =
      change.from === null
        ? { id: `customer-unlink:${identity}`, label: t('customer.undoButton'), command: `/customer unlink ${identity}` }
        : { id: `customer-link:${identity}:C-${change.from}`, label: t('customer.undoButton'), command: `/customer link ${identity} C-${change.from}` };
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('customer.linked.title', { identity, customer: to }),
      summary:
        change.from === null
          ? t('customer.linked.summary', { identity, platform: change.platform, buyer: change.externalId, customer: to })
          : t('customer.linked.moved', { identity, platform: change.platform, buyer: change.externalId, customer: to, from: `C-${change.from}` }),
      notes: [t('customer.linked.kept')],
      actions: [undo, { id: `customer:${to}`, label: t('customer.showButton', { ref: to }), command: `/customer ${to}` }],
    };
  },
});
