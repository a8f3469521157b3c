/**
 * `/customer draft <T-12>`: drafts a reply to an open ticket that fits the brand's core values
 * and the customer's whole history (the profile's button). From the template in prompts/ while
 * no model is configured. The customer's text is data: it picks a topic, nothing more.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { formatDay } from '../../format.ts';
import type { ChatAction } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { PII_ROLES } from '../../roles.ts';
import { DraftError, draftReply } from '../../domain/customers/reply-draft.ts';

const input = z.object({
  ticket: z.string({ error: 'say which ticket, e.g. T-12' }).trim().regex(/^T-?\d{1,9}$/i, 'a ticket looks like T-12'),
});

/** The reply-draft tool: for the roles that see the customer's PII (the draft is addressed to them). */
export const draftCustomerReply = defineTool({
  name: 'customer-draft',
  command: '/customer draft',
  summary: { en: 'Draft a reply to a customer’s open ticket, in the brand’s voice', zh: '按品牌语气为客户的未结工单起草回复' },
  usage: '<T-12>',
  examples: ['/customer draft T-12'],
  roles: PII_ROLES,
  effect: 'read',
  input,
  parseArgs(tokens) {
    return tokens.length === 1 ? { ticket: tokens[0] } : { ticket: tokens.join(' ') };
  },
  async run(ctx, args) {
    const { t } = ctx;
    const ticketId = Number(args.ticket.replace(/^T-?/i, ''));
    let draft;
    try {
      draft = await draftReply(ctx.db, ticketId, { agent: ctx.actor.name });
    } catch (error) {
      if (error instanceof DraftError) {
        throw new ToolError(error.reason === 'no-ticket' ? 'not_found' : 'conflict', t(error.reason === 'no-ticket' ? 'customer.draft.noTicket' : 'customer.draft.closed', { ticket: `T-${ticketId}` }));
      }
      throw error;
    }
    const subject = draft.ticket.customerId === null ? `I-${draft.ticket.identityId}` : `C-${draft.ticket.customerId}`;
    await ctx.audit({ action: 'customer.draft-reply', targetType: 'customer', targetId: subject, after: { ticket: `T-${ticketId}`, source: draft.source } });
    const { input: d } = draft;
    const actions: ChatAction[] = [{ id: `customer:${subject}`, label: t('customer.showButton', { ref: subject }), command: `/customer ${subject}` }];
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('customer.draft.title', { ticket: `T-${ticketId}`, name: d.firstName }),
      fields: [
        { label: t('customer.draft.ticket'), value: `T-${ticketId} · ${draft.ticket.platform} · ${draft.ticket.subject.replace(/\s+/g, ' ').slice(0, 80)}` },
        { label: t('customer.draft.order'), value: d.order ? `${d.order.externalId} (${d.order.platform})` : t('value.none') },
        { label: t('customer.draft.topic'), value: t(`customer.topic.${d.topic}`) },
        { label: t('customer.draft.history'), value: t('customer.draft.historyValue', { orders: d.history.orderCount, platforms: d.history.platforms.join(', ') || t('value.none'), since: d.history.since ? formatDay(d.history.since) : t('value.none') }) },
        { label: t('customer.draft.text', { language: d.language }), value: draft.text },
      ],
      notes: [t('customer.draft.fromTemplate', { file: `prompts/customer-reply.${d.language}.md` }), t('customer.textIsData')],
      actions,
    };
  },
});
