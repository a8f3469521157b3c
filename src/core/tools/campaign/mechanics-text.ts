/** A campaign's per-platform mechanics (free-form JSON) as one readable line, shared by the /campaign tools. */
import type { Translate } from '../../i18n/index.ts';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** "lightning deal · 25 % off · SKUs WB-500, BT-100 · teaser from 5 d before · …" */
export function mechanicsText(t: Translate, mechanics: Record<string, unknown>): string {
  const parts: string[] = [];
  const used = new Set<string>();
  const take = (key: string) => {
    used.add(key);
    return mechanics[key];
  };
  const type = take('type');
  if (typeof type === 'string') parts.push(type.replace(/[-+]/g, (c) => (c === '+' ? ' + ' : ' ')));
  for (const key of ['discountPct', 'flashSaleDiscountPct', 'couponPct']) {
    const v = take(key);
    if (isNum(v)) parts.push(v > 0 ? t('campaign.mech.discount', { n: v }) : t('campaign.mech.noDiscount'));
  }
  const code = take('code');
  if (typeof code === 'string') parts.push(t('campaign.mech.code', { code }));
  for (const key of ['promotionZone', 'promoZone']) {
    const v = take(key);
    if (typeof v === 'string') parts.push(t('campaign.mech.zone', { zone: v }));
  }
  const teaser = take('teaser');
  const teaserDays = [take('teaserFromDaysBefore'), take('teaserVideosFromDaysBefore'), take('emailTeaserDaysBefore')].find(isNum);
  if (typeof teaser === 'string' || teaserDays !== undefined) {
    parts.push(t('campaign.mech.teaser', { what: typeof teaser === 'string' ? teaser : t('campaign.mech.teaserDefault'), days: teaserDays ?? 0 }));
  }
  for (const key of ['heroSkus', 'dealSkus', 'couponSkus']) {
    const v = take(key);
    if (Array.isArray(v) && v.length > 0) parts.push(t('campaign.mech.skus', { skus: v.join(', ') }));
  }
  const live = take('liveSessions');
  if (isNum(live)) parts.push(t('campaign.mech.live', { n: live }));
  const safe = take('maxSafeDiscountPct');
  if (isNum(safe)) parts.push(t('campaign.mech.margin', { n: safe, floor: isNum(mechanics.marginFloorPct) ? mechanics.marginFloorPct : 0 }));
  used.add('marginFloorPct');
  // Anything else (platform-specific knobs) as "key value", so nothing in the plan is hidden.
  for (const [key, value] of Object.entries(mechanics)) {
    if (used.has(key) || value === undefined || value === null) continue;
    const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    parts.push(`${words} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join(' · ');
}
