/**
 * Deterministic repairs for composed copy that broke a rule: forbidden characters and emoji are
 * removed, forbidden words and banned claims take their sentence or bullet with them, text is
 * cut at a word boundary to its limit, search terms lose words from the end until they fit,
 * and a missing brand sentence is added to the description. What cannot be repaired stays
 * broken, and the validators then drop the variant. Pure.
 */
import { allBannedPhrases } from '../brand/brand-profile.ts';
import { LIST_FIELDS, type FieldRule, type MarketplaceRules } from './platform-rules.ts';
import { REPEAT_EXEMPT, findEmoji, findPhrases, hasPhrase, searchTermBytes, tidy, truncateChars } from './text-measure.ts';
import { fieldText, type CheckContext, type CopyFields } from './validate.ts';

function stripChars(text: string, rule: FieldRule): string {
  let out = text;
  for (const c of rule.forbiddenChars) out = out.split(c).join(' ');
  if (rule.forbidEmoji) for (const e of findEmoji(out)) out = out.split(e).join('');
  return out;
}

function offending(text: string, rule: FieldRule, banned: readonly string[], ctx: CheckContext): boolean {
  if (findPhrases(text, [...rule.forbiddenPhrases, ...banned]).length > 0) return true;
  if (rule.forbidPlatformNames && findPhrases(text, ctx.platformNames).length > 0) return true;
  return rule.forbiddenPatterns.some((p) => new RegExp(p.regex, p.flags ?? '').test(text));
}

function repairText(text: string, rule: FieldRule, banned: readonly string[], ctx: CheckContext): string {
  let out = stripChars(text, rule);
  // Sentences carrying a forbidden word or a banned claim go; a title is one "sentence".
  const sentences = out.match(/[^.。!?！？]+[.。!?！？]?/gu) ?? [out];
  out = sentences.filter((s) => !offending(s, rule, banned, ctx)).join('');
  if (rule.forbidBrandNames) for (const name of [ctx.brand.name, ...ctx.brand.requiredPhrases]) out = out.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ' ');
  out = tidy(out);
  if (rule.maxWordRepeats !== undefined) out = cutAtRepeat(out, rule.maxWordRepeats);
  if (rule.maxChars !== undefined) out = truncateChars(out, rule.maxChars);
  if (rule.maxBytes !== undefined) {
    const words = out.split(' ');
    while (words.length > 0 && searchTermBytes(words.join(' '), rule.countSpacesAndPunctuation) > rule.maxBytes) words.pop();
    out = words.join(' ');
  }
  return out;
}

/** Cuts `text` just before the first word that would be used more than `max` times. */
function cutAtRepeat(text: string, max: number): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\p{L}[\p{L}\p{N}'’-]*/gu)) {
    const word = m[0].toLowerCase();
    if (REPEAT_EXEMPT.has(word)) continue;
    const n = (counts.get(word) ?? 0) + 1;
    counts.set(word, n);
    if (n > max) return text.slice(0, m.index).replace(/[\s,;:·|–—-]+$/u, '');
  }
  return text;
}

function repairList(items: string[], rule: FieldRule, banned: readonly string[], ctx: CheckContext): string[] {
  let out = items.map((i) => tidy(stripChars(i, rule))).filter((i) => i !== '' && !offending(i, rule, banned, ctx));
  if (rule.maxChars !== undefined) out = out.map((i) => truncateChars(i, rule.maxChars as number));
  if (rule.maxCount !== undefined) out = out.slice(0, rule.maxCount);
  return out;
}

/** A repaired copy of `fields`; `brandSentence` is added to the description when the brand rubric needs it. */
export function repairCopy(fields: CopyFields, rules: MarketplaceRules, ctx: CheckContext, brandSentence: string): CopyFields {
  const banned = allBannedPhrases(ctx.brand);
  const out: CopyFields = {};
  for (const { name, rule } of rules.fields) {
    const value = fields[name];
    if (value === undefined) continue;
    if (LIST_FIELDS.has(name)) out[name] = repairList(Array.isArray(value) ? value : [value], rule, banned, ctx);
    else out[name] = repairText(Array.isArray(value) ? value.join(' ') : value, rule, banned, ctx);
  }
  const all = rules.fields.map(({ name }) => fieldText(out[name])).join('\n');
  const missing =
    ctx.brand.requiredPhrases.some((p) => !hasPhrase(all, p)) || ctx.brand.coreValues[ctx.locale].some((v) => !hasPhrase(all, v));
  const descriptionRule = rules.fields.find((f) => f.name === 'description')?.rule;
  if (missing && descriptionRule && typeof out.description === 'string') {
    const joined = tidy(`${out.description} ${brandSentence}`);
    // Keep the brand sentence whole: cut the description before it rather than the sentence itself.
    const room = (descriptionRule.maxChars ?? Number.POSITIVE_INFINITY) - brandSentence.length - 1;
    out.description = joined.length <= (descriptionRule.maxChars ?? Number.POSITIVE_INFINITY) ? joined : tidy(`${truncateChars(out.description, Math.max(0, room))} ${brandSentence}`);
  }
  return out;
}
