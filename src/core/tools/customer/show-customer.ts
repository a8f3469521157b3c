/**
 * `/customer <email | phone | order id | name | handle | C-12> [page N]`: one person's history
 * on every platform in one reply: identities and why they are linked, value per platform with
 * a USD total, orders newest first (paged), open tickets and reviews. PII is masked for roles
 * outside PII_ROLES before the reply is built, and every lookup is an AuditEvent.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { formatCount, formatDay } from '../../format.ts';
import { formatNumber } from '../../i18n/index.ts';
import type { ChatAction, Reply, ReplyTable } from '../../reply.ts';
import { defineTool, mayRun, type ToolContext } from '../../tool.ts';
import { findCustomer, subjectRef, type Candidate, type MatchedBy, type Subject } from '../../domain/customers/lookup.ts';
import { piiView, type PiiView } from '../../domain/customers/masking.ts';
import { formatMoney, referenceRates, TOTAL_CURRENCY } from '../../domain/customers/money.ts';
import { customerProfile, PageOutOfRange, type CustomerProfile, type ProfileIdentity } from '../../domain/customers/profile.ts';
import { classifyQuery, MAX_NAME_WORDS, type CustomerQuery } from '../../domain/customers/query.ts';
import { describeEvidence } from './render-evidence.ts';

/** Everyone on the team may look a customer up; PII_ROLES decide who sees PII in full. */
export const CUSTOMER_LOOKUP_ROLES = ['staff', 'cs', 'marketing', 'manager', 'admin'] as const;
/** Open tickets offered a "draft a reply" button. */
const DRAFT_BUTTONS = 3;

const input = z.object({
  query: z
    .string({ error: 'give an email, phone, order id, name, buyer handle or customer id such as C-12' })
    .trim()
    .min(2, 'give at least 2 characters: an email, phone, order id, name, buyer handle or customer id such as C-12')
    .max(100, 'a customer query is at most 100 characters'),
  page: z.coerce.number({ error: 'page must be a number, e.g. page 2' }).int('page must be a whole number').min(1, 'pages start at 1').max(10_000).optional(),
});

/** The customer lookup tool. */
export const showCustomer = defineTool({
  name: 'customer',
  command: '/customer',
  summary: {
    en: 'One customer’s history on every platform: identities, value, orders, tickets, reviews',
    zh: '查看一位客户在所有平台的历史：身份、价值、订单、工单和评价',
  },
  usage: '<email | phone | order id | name | buyer handle | C-12> [page N]',
  examples: ['/customer jane.doe@example.com', '/customer +1 415-555-0123', '/customer 112-8899268-2058199', '/customer Michael Johnson', '/customer C-1 page 2'],
  roles: CUSTOMER_LOOKUP_ROLES,
  effect: 'read',
  input,
  parseArgs(tokens) {
    // "… page 2" at the end asks for a page of the order timeline.
    const n = tokens.length;
    if (n >= 2 && /^(page|p|页|第)$/i.test(tokens[n - 2] ?? '')) {
      return { query: tokens.slice(0, n - 2).join(' '), page: tokens[n - 1] };
    }
    return { query: tokens.join(' ') };
  },
  async run(ctx, args) {
    const query = parseQuery(ctx, args.query);
    const found = await findCustomer(ctx.db, query);
    if (found.kind === 'none') throw notFound(ctx, args.query, found.triedAs);
    if (found.kind === 'ambiguous') {
      // The candidates' names and cities are shown, so the search is audited too.
      for (const c of found.candidates) {
        await ctx.audit({ action: 'customer.search', targetType: 'customer', targetId: subjectRef(c.subject), after: { by: found.matchedBy } });
      }
      throw new ToolError('ambiguous', ctx.t('customer.ambiguous', { query: args.query, count: found.total }), {
        hints: found.total > found.candidates.length ? [ctx.t('value.moreRows', { n: found.total - found.candidates.length })] : [],
        actions: found.candidates.map((c) => candidateAction(ctx, c)),
      });
    }
    const page = args.page ?? 1;
    let profile: CustomerProfile;
    try {
      profile = await customerProfile(ctx.db, found.subject, page);
    } catch (error) {
      if (error instanceof PageOutOfRange) {
        throw new ToolError('invalid_input', ctx.t('customer.pageOutOfRange', { ref: subjectRef(found.subject), pages: error.pages }), {
          actions: [pageAction(ctx, found.subject, error.pages)],
        });
      }
      throw error;
    }
    const view = piiView(ctx.actor.roles);
    const reply = renderProfile(ctx, profile, view, found.matchedBy);
    // Written before the reply leaves: no one sees a profile without a record of it.
    await ctx.audit({
      action: 'customer.lookup',
      targetType: 'customer',
      targetId: subjectRef(found.subject),
      after: { by: found.matchedBy, page, pii: view.full ? 'full' : 'masked' },
    });
    return reply;
  },
});

/** Classifies the query, or explains what is wrong with it. Nothing is looked up for bad input. */
function parseQuery(ctx: ToolContext, text: string): CustomerQuery {
  const classified = classifyQuery(text);
  if (classified.ok) return classified.query;
  const { t } = ctx;
  const hints = [t('command.usage', { usage: `/customer ${showCustomer.usage}` }), t('command.examples', { examples: showCustomer.examples.slice(0, 3).join(' · ') })];
  switch (classified.problem) {
    case 'bad-email':
      throw new ToolError('invalid_input', t('customer.badEmail', { text: classified.detail }), { hints });
    case 'bad-phone':
      throw new ToolError('invalid_input', t('customer.badPhone', { text: classified.detail }), { hints });
    case 'bad-characters':
      throw new ToolError('invalid_input', t('customer.badCharacters', { chars: classified.detail }), { hints });
    case 'too-many-words':
      throw new ToolError('invalid_input', t('customer.tooManyWords', { max: MAX_NAME_WORDS }), { hints });
    case 'no-letters':
      throw new ToolError('invalid_input', t('customer.noLetters'), { hints });
  }
}

function notFound(ctx: ToolContext, query: string, triedAs: MatchedBy[]): ToolError {
  const { t } = ctx;
  const tried = triedAs.map((k) => t(`customer.key.${k}`)).join(' / ');
  const hint = triedAs.includes('phone')
    ? t('customer.hintPhone')
    : triedAs.includes('name')
      ? t('customer.hintName')
      : triedAs.includes('email')
        ? t('customer.hintEmail')
        : t('customer.hintGeneral');
  return new ToolError('not_found', t('customer.notFound', { query, tried }), { hints: [hint] });
}

function candidateAction(ctx: ToolContext, c: Candidate): ChatAction {
  const ref = subjectRef(c.subject);
  const where = [c.platforms.join(', '), c.city].filter(Boolean).join(' · ');
  return { id: `customer:${ref}`, label: ctx.t('customer.candidate', { ref, name: c.displayName, where }), command: `/customer ${ref}` };
}

function pageAction(ctx: ToolContext, subject: Subject, page: number, label?: string): ChatAction {
  const ref = subjectRef(subject);
  return { id: `customer:${ref}:page:${page}`, label: label ?? ctx.t('customer.pageButton', { page }), command: `/customer ${ref} page ${page}` };
}

const stars = (rating: number): string => '★'.repeat(Math.max(0, Math.min(5, rating))) + '☆'.repeat(Math.max(0, 5 - rating));

function identityTable(ctx: ToolContext, profile: CustomerProfile, view: PiiView): ReplyTable {
  const { t } = ctx;
  const purged = t('customer.purgedValue');
  return {
    title: t('customer.identitiesTitle'),
    columns: [
      { key: 'ref', label: t('customer.colRef') },
      { key: 'platform', label: t('customer.colPlatform') },
      { key: 'buyer', label: t('customer.colBuyer') },
      { key: 'name', label: t('customer.colName') },
      { key: 'email', label: t('customer.colEmail') },
      { key: 'phone', label: t('customer.colPhone') },
      { key: 'address', label: t('customer.colAddress') },
    ],
    rows: profile.identities.map((i) => {
      const gone = i.piiPurgedAt !== null;
      return {
        ref: `I-${i.id}`,
        platform: i.platform,
        buyer: i.externalId,
        name: gone ? purged : (i.name ?? t('value.none')),
        email: gone ? purged : i.email ? `${view.email(i.email)}${i.emailKind === 'relay' ? ` ${t('customer.relay')}` : ''}` : t('value.none'),
        phone: gone ? purged : i.phone ? view.phone(i.phone, i.country) : t('value.none'),
        address: gone ? purged : view.address(i) || t('value.none'),
      };
    }),
  };
}

function linkTable(ctx: ToolContext, profile: CustomerProfile, view: PiiView): ReplyTable {
  const { t, locale } = ctx;
  const mine = new Map<number, ProfileIdentity>(profile.identities.map((i) => [i.id, i]));
  return {
    title: t('customer.linksTitle'),
    columns: [
      { key: 'ref', label: t('customer.colRef') },
      { key: 'platform', label: t('customer.colPlatform') },
      { key: 'how', label: t('customer.colLinked') },
      { key: 'confidence', label: t('customer.colConfidence'), align: 'right' },
      { key: 'evidence', label: t('customer.colEvidence') },
    ],
    rows: profile.identities.map((i) => {
      if (!i.link) return { ref: `I-${i.id}`, platform: i.platform, how: t('customer.notLinked'), confidence: t('value.none'), evidence: t('value.none') };
      const how = t(i.link.method === 'manual' ? 'customer.linkedManual' : 'customer.linkedAuto', { by: i.link.createdBy, day: formatDay(i.link.createdAt) });
      const evidence = describeEvidence(t, view, i, i.link.evidence, mine, profile.others);
      if (i.link.unreadable > 0) evidence.push(t('customer.ev.unreadable', { n: i.link.unreadable }));
      return {
        ref: `I-${i.id}`,
        platform: i.platform,
        how,
        confidence: `${formatNumber(locale, i.link.confidence * 100, 1)} %`,
        evidence: evidence.join('; '),
      };
    }),
  };
}

function valueTable(ctx: ToolContext, profile: CustomerProfile): ReplyTable {
  const { t, locale } = ctx;
  const rows = profile.value.map((v) => ({
    platform: v.platform,
    orders: formatCount(locale, v.orders),
    value: formatMoney(locale, v.value, v.currency),
    total: v.valueInTotalCurrency === null ? t('value.none') : formatMoney(locale, v.valueInTotalCurrency, TOTAL_CURRENCY),
  }));
  rows.push({
    platform: t('customer.totalRow'),
    orders: formatCount(locale, profile.orderCount),
    value: '',
    total: formatMoney(locale, profile.totalValue, TOTAL_CURRENCY),
  });
  return {
    title: t('customer.valueTitle'),
    columns: [
      { key: 'platform', label: t('customer.colPlatform') },
      { key: 'orders', label: t('customer.colOrders'), align: 'right' },
      { key: 'value', label: t('customer.colValue'), align: 'right' },
      { key: 'total', label: t('customer.colInTotal', { currency: TOTAL_CURRENCY }), align: 'right' },
    ],
    rows,
  };
}

function orderTable(ctx: ToolContext, profile: CustomerProfile): ReplyTable {
  const { t, locale } = ctx;
  return {
    title: t('customer.ordersTitle', { page: profile.page, pages: profile.pages }),
    columns: [
      { key: 'day', label: t('customer.colDate') },
      { key: 'platform', label: t('customer.colPlatform') },
      { key: 'order', label: t('customer.colOrder') },
      { key: 'status', label: t('customer.colStatus') },
      { key: 'items', label: t('customer.colItems') },
      { key: 'total', label: t('customer.colTotal'), align: 'right' },
    ],
    rows: profile.orders.map((o) => ({
      day: formatDay(o.orderedAt),
      platform: o.platform,
      order: o.externalId,
      status: t(`customer.status.${o.status}` as Parameters<typeof t>[0]),
      items: o.items.map((i) => `${i.sku} ×${i.quantity}`).join(', '),
      total: formatMoney(locale, o.total, o.currency),
    })),
  };
}

function ticketTable(ctx: ToolContext, profile: CustomerProfile): ReplyTable {
  const { t } = ctx;
  return {
    title: t('customer.ticketsTitle', { count: profile.openTicketCount }),
    columns: [
      { key: 'ticket', label: t('customer.colTicket') },
      { key: 'platform', label: t('customer.colPlatform') },
      { key: 'opened', label: t('customer.colOpened') },
      { key: 'status', label: t('customer.colStatus') },
      { key: 'subject', label: t('customer.colSubject') },
      { key: 'order', label: t('customer.colOrderQuoted') },
    ],
    rows: profile.openTickets.map((tk) => ({
      ticket: `T-${tk.id}`,
      platform: tk.platform,
      opened: formatDay(tk.createdAt),
      status: t(tk.status === 'open' ? 'customer.ticketOpen' : 'customer.ticketPending'),
      subject: oneLine(tk.subject, 60),
      order: tk.orderRef ?? t('value.none'),
    })),
  };
}

function reviewTable(ctx: ToolContext, profile: CustomerProfile): ReplyTable {
  const { t } = ctx;
  return {
    title: t('customer.reviewsTitle', { count: profile.reviewCount }),
    columns: [
      { key: 'day', label: t('customer.colDate') },
      { key: 'platform', label: t('customer.colPlatform') },
      { key: 'sku', label: t('customer.colSku') },
      { key: 'rating', label: t('customer.colRating') },
      { key: 'title', label: t('customer.colTitle') },
    ],
    rows: profile.reviews.map((r) => ({ day: formatDay(r.createdAt), platform: r.platform, sku: r.sku, rating: `${stars(r.rating)} ${r.rating}/5`, title: oneLine(r.title, 60) })),
  };
}

function historyTable(ctx: ToolContext, profile: CustomerProfile): ReplyTable {
  const { t } = ctx;
  return {
    title: t('customer.historyTitle'),
    columns: [
      { key: 'at', label: t('customer.colDate') },
      { key: 'ref', label: t('customer.colRef') },
      { key: 'platform', label: t('customer.colPlatform') },
      { key: 'event', label: t('customer.colEvent') },
      { key: 'by', label: t('customer.colBy') },
    ],
    rows: profile.history.map((h) => ({
      at: h.at.toISOString().slice(0, 16).replace('T', ' '),
      ref: `I-${h.identityId}`,
      platform: h.platform,
      event: t(h.event === 'linked' ? (h.method === 'manual' ? 'customer.eventLinkedManual' : 'customer.eventLinkedAuto') : 'customer.eventUnlinked'),
      by: h.by,
    })),
  };
}

/** Customer-written text shown in a table cell: one line, bounded, never interpreted. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function renderProfile(ctx: ToolContext, profile: CustomerProfile, view: PiiView, matchedBy: MatchedBy): Reply {
  const { t, locale } = ctx;
  const ref = subjectRef(profile.subject);
  const platforms = [...new Set(profile.identities.map((i) => i.platform))];
  const linked = profile.subject.kind === 'customer';
  const summary = t('customer.summary', {
    identities: profile.identities.length,
    platforms: platforms.join(', '),
    orders: formatCount(locale, profile.orderCount),
    value: formatMoney(locale, profile.totalValue, TOTAL_CURRENCY),
    tickets: profile.openTicketCount,
    since: profile.since ? formatDay(profile.since) : t('value.none'),
  });

  const tables: ReplyTable[] = [identityTable(ctx, profile, view), linkTable(ctx, profile, view), valueTable(ctx, profile)];
  if (profile.orders.length > 0) tables.push(orderTable(ctx, profile));
  if (profile.openTickets.length > 0) tables.push(ticketTable(ctx, profile));
  if (profile.reviews.length > 0) tables.push(reviewTable(ctx, profile));
  if (profile.history.length > 0) tables.push(historyTable(ctx, profile));

  const notes: string[] = [];
  if (!linked) notes.push(t('customer.unlinkedNote', { ref }));
  notes.push(view.full ? t('customer.piiFull') : t('customer.piiMasked', { roles: ctx.actor.roles.join(', ') || t('roles.none') }));
  const rates = Object.entries(referenceRates())
    .filter(([c]) => c !== TOTAL_CURRENCY && profile.value.some((v) => v.currency === c))
    .map(([c, r]) => `1 ${c} = ${r} ${TOTAL_CURRENCY}`);
  notes.push(t('customer.valueNote', { rates: rates.length > 0 ? ` (${rates.join(', ')})` : '' }));
  if (profile.unconverted.length > 0) notes.push(t('customer.unconverted', { currencies: profile.unconverted.join(', ') }));
  const purged = profile.identities.filter((i) => i.piiPurgedAt);
  for (const i of purged) notes.push(t('customer.purgedNote', { ref: `I-${i.id}`, platform: i.platform, day: formatDay(i.piiPurgedAt as Date) }));
  if (profile.openTickets.length > 0) notes.push(t('customer.textIsData'));

  const actions: ChatAction[] = [];
  const draft = ctx.registry.get('customer-draft');
  if (draft && mayRun(draft, ctx.actor)) {
    for (const tk of profile.openTickets.slice(0, DRAFT_BUTTONS)) {
      actions.push({ id: `customer-draft:T-${tk.id}`, label: t('customer.draftButton', { ticket: `T-${tk.id}` }), command: `/customer draft T-${tk.id}`, style: 'primary' });
    }
  }
  if (profile.page < profile.pages) actions.push(pageAction(ctx, profile.subject, profile.page + 1, t('customer.olderButton', { page: profile.page + 1 })));
  if (profile.page > 1) actions.push(pageAction(ctx, profile.subject, profile.page - 1, t('customer.newerButton', { page: profile.page - 1 })));

  return {
    kind: 'result',
    locale,
    title: linked
      ? t('customer.title', { ref, name: profile.displayName })
      : t('customer.titleIdentity', { ref, name: profile.displayName, platform: platforms[0] ?? '' }),
    summary,
    fields: [{ label: t('customer.foundBy'), value: t(`customer.key.${matchedBy}`) }],
    tables,
    notes,
    actions,
  };
}
