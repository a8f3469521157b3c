/** Turns a refused link change into the user's message. Shared by /customer link and unlink. */
import { ToolError } from '../../errors.ts';
import type { ToolContext } from '../../tool.ts';
import { LinkError } from '../../domain/customers/link-service.ts';

/** Runs a link change; a LinkError becomes a ToolError in the reader's language. */
export async function explainLinkErrors<T>(ctx: ToolContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof LinkError)) throw error;
    const { t } = ctx;
    const d = error.detail;
    switch (error.reason) {
      case 'no-identity':
        return Promise.reject(new ToolError('not_found', t('customer.link.noIdentity', { ref: String(d.ref) }), { hints: [t('customer.link.identityHint')] }));
      case 'no-customer':
        return Promise.reject(new ToolError('not_found', t('customer.link.noCustomer', { ref: String(d.ref) })));
      case 'not-linked':
        return Promise.reject(new ToolError('conflict', t('customer.link.notLinked', { ref: String(d.ref) })));
      case 'already-linked':
        return Promise.reject(new ToolError('conflict', t('customer.link.alreadyLinked', { ref: String(d.ref), customer: String(d.customer) })));
      case 'changed':
        return Promise.reject(new ToolError('conflict', t('customer.link.changed')));
    }
  }
}
