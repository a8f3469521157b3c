/**
 * Customer-written text for demo tickets and reviews, in the languages each platform's
 * buyers write in. Product-specific remarks repeat across reviews on purpose, so
 * "what do customers ask for?" has an answer (e.g. a carry handle for WB bottles).
 */
import type { PlatformCode } from './platforms.ts';
import type { Rng } from './random.ts';

/** Product remarks by SKU prefix: what buyers praise and what they complain about. */
const REMARKS: Record<string, { good: string[]; bad: string[]; goodDe?: string[]; badDe?: string[] }> = {
  WB: {
    good: ['Keeps my water ice cold all day, even left in the car.', 'No metallic taste and the bamboo lid looks lovely.'],
    bad: ['Wish it had a carry handle or a loop on the lid.', 'I would love a version with a carry handle.', 'The bamboo lid got a water stain after a few weeks.'],
    goodDe: ['Hält das Wasser den ganzen Tag kalt.', 'Kein metallischer Geschmack, der Bambusdeckel ist schön.'],
    badDe: ['Hätte gern einen Tragegriff am Deckel.', 'Der Bambusdeckel hat nach ein paar Wochen Wasserflecken.'],
  },
  BT: {
    good: ['Soft bristles, and the numbers on the handles are handy for the family.', 'Nice to finally have a plastic-free toothbrush that works.'],
    bad: ['The bristles wear out faster than my old brush.', 'The handle got a little mouldy where it sat in the cup.'],
    goodDe: ['Weiche Borsten, die Nummern sind praktisch.'],
    badDe: ['Die Borsten nutzen sich schneller ab als erwartet.'],
  },
  NF: {
    good: ['A lifesaver on the LRT during rush hour.', 'Quiet enough to use in the office.'],
    bad: ['Battery only lasts about 4 hours on high, not 12.', 'Louder than I expected on speed 3.'],
  },
  TRV: {
    good: ['Our heating bill went down noticeably this winter.'],
    bad: ['Pairing with the app took three tries.', 'Needed an adapter for my Danfoss valve that was not in the box.'],
    goodDe: ['Die Heizkosten sind spürbar gesunken.'],
    badDe: ['Die Kopplung mit der App hat mehrere Versuche gebraucht.', 'Für mein Danfoss-Ventil fehlte der Adapter.'],
  },
  EB: {
    good: ['Great bass for the price and the case is tiny.'],
    bad: ['The left earbud disconnects sometimes.', 'Mic is a bit muffled on calls outdoors.'],
  },
  SP: {
    good: ['Set up in two minutes with Alexa.', 'The energy monitoring showed me my old freezer was the problem.'],
    bad: ['Keeps dropping off my mesh network; it needs 2.4 GHz.'],
  },
  CN: {
    good: ['Smells lovely and burns evenly all the way down.'],
    bad: ['The scent is too faint for a big living room.'],
    goodDe: ['Riecht herrlich und brennt gleichmäßig ab.'],
    badDe: ['Der Duft ist für große Räume zu schwach.'],
  },
  HW: {
    good: ['Warm in seconds and doubles as a power bank.'],
    bad: ['Gets too hot on level 3 to hold for long.'],
  },
};

const GENERIC = {
  good: ['Well made and looks even better than the photos.', 'Exactly as described and arrived quickly.', 'Good quality for the price.', 'The packaging was completely plastic-free, which I appreciate.', 'Bought a second one as a gift.'],
  bad: ['Smaller than I expected from the photos.', 'Arrived with a scratch on the side.', 'Took much longer to arrive than promised.', 'Quality feels cheaper than the price suggests.'],
  goodDe: ['Sehr gut verarbeitet und schnell geliefert.', 'Genau wie beschrieben, die Verpackung war komplett plastikfrei.', 'Gutes Preis-Leistungs-Verhältnis.'],
  badDe: ['Kleiner als auf den Bildern.', 'Kam mit einem Kratzer an.', 'Die Lieferung hat ewig gedauert.'],
  goodMy: ['Barang sampai cepat, packaging kemas.', 'Item same as picture, quality superb for the price.', 'Seller very responsive, will repeat order.', 'Mantap, worth it!'],
  badMy: ['Delivery a bit slow la.', 'Colour not same as picture.', 'Item rosak bila sampai, seller please check.'],
};

const TITLES: Record<'en' | 'de' | 'my', Record<number, string[]>> = {
  en: {
    5: ['Love it', 'Exactly what I wanted', 'Great quality', 'Better than expected', 'Would buy again'],
    4: ['Very good', 'Good, with one small issue', 'Good value', 'Happy with it'],
    3: ['It is okay', 'Mixed feelings', 'Does the job'],
    2: ['Disappointed', 'Expected better'],
    1: ['Broke quickly', 'Very disappointed', 'Returned it'],
  },
  de: {
    5: ['Super Qualität', 'Absolut empfehlenswert', 'Top'],
    4: ['Sehr zufrieden', 'Gut, mit kleinen Abzügen'],
    3: ['Ganz okay', 'Mittelmäßig'],
    2: ['Leider enttäuscht'],
    1: ['Nach kurzer Zeit kaputt', 'Nicht empfehlenswert'],
  },
  my: {
    5: ['Mantap!', 'Highly recommended', 'Best seller'],
    4: ['Ok, good', 'Berbaloi'],
    3: ['Ok la'],
    2: ['Kecewa sikit'],
    1: ['Kecewa', 'Not recommended'],
  },
};

function languageOf(platform: PlatformCode): 'en' | 'de' | 'my' {
  return platform === 'amazon-de' || platform === 'tiktok-de' ? 'de' : platform === 'shopee-my' ? 'my' : 'en';
}

/** A review title and body for a rating of a SKU on a platform. */
export function reviewText(rng: Rng, platform: PlatformCode, skuCode: string, rating: number): { title: string; body: string } {
  const lang = languageOf(platform);
  const remarks = REMARKS[skuCode.split('-')[0] ?? ''];
  const positive = rating >= 4;
  let pool: string[];
  if (lang === 'de') pool = (positive ? remarks?.goodDe : remarks?.badDe) ?? (positive ? GENERIC.goodDe : GENERIC.badDe);
  else if (lang === 'my') pool = positive ? [...(remarks?.good ?? []), ...GENERIC.goodMy] : [...(remarks?.bad ?? []), ...GENERIC.badMy];
  else pool = (positive ? remarks?.good : remarks?.bad) ?? (positive ? GENERIC.good : GENERIC.bad);
  const parts = [rng.pick(pool)];
  // Four-star reviews usually add the one thing they would change.
  if (rating === 4 && lang !== 'my') {
    const wish = lang === 'de' ? (remarks?.badDe ?? GENERIC.badDe) : (remarks?.bad ?? GENERIC.bad);
    if (rng.chance(0.6)) parts.push(rng.pick(wish));
  }
  if (rating >= 4 && rng.chance(0.5)) parts.push(rng.pick(lang === 'de' ? GENERIC.goodDe : lang === 'my' ? GENERIC.goodMy : GENERIC.good));
  if (rating <= 2 && rng.chance(0.5)) parts.push(rng.pick(lang === 'de' ? GENERIC.badDe : lang === 'my' ? GENERIC.badMy : GENERIC.bad));
  const titles = TITLES[lang][rating] ?? TITLES[lang][3] ?? ['Review'];
  return { title: rng.pick(titles), body: [...new Set(parts)].join(' ') };
}

/** What a ticket is about. */
export type TicketTopic = 'where-is-order' | 'damaged' | 'wrong-item' | 'how-to' | 'return' | 'invoice' | 'leak';

/** A ticket subject and body; `ref` is the order id as the customer writes it (or null). */
export function ticketText(
  rng: Rng,
  platform: PlatformCode,
  topic: TicketTopic,
  product: { name: string; label: string; category: string },
  ref: string | null,
  orderedOn: string,
): { subject: string; body: string } {
  const lang = languageOf(platform);
  const item = `${product.name.toLowerCase()} (${product.label})`;
  const about = ref ? (lang === 'de' ? ` (Bestellnummer ${ref})` : lang === 'my' ? ` order ${ref}` : ` (order ${ref})`) : '';
  if (lang === 'de') {
    switch (topic) {
      case 'where-is-order':
        return { subject: 'Wo ist meine Bestellung?', body: `Hallo, ich habe am ${orderedOn} bestellt${about} und das Paket ist immer noch nicht da. Die Sendungsverfolgung zeigt seit Tagen nichts Neues.` };
      case 'damaged':
        return { subject: 'Ware beschädigt angekommen', body: `Guten Tag, die ${product.name}${about} kam mit einer Delle an. Können Sie mir Ersatz schicken?` };
      case 'invoice':
        return { subject: 'Rechnung mit ausgewiesener MwSt.', body: `Hallo, ich brauche für meine Bestellung${about} eine Rechnung mit ausgewiesener Mehrwertsteuer für meine Firma.` };
      case 'return':
        return { subject: 'Rücksendung', body: `Hallo, ich möchte die ${product.name}${about} zurücksenden, sie passt leider nicht. Wie gehe ich vor?` };
      default:
        return { subject: 'Frage zum Produkt', body: `Hallo, wie reinige ich die ${product.name} am besten?${about ? ` Bestellt unter${about.replace(/[()]/g, '')}.` : ''}` };
    }
  }
  if (lang === 'my') {
    switch (topic) {
      case 'where-is-order':
        return { subject: 'Bila barang sampai?', body: `Hi seller, bila barang akan sampai?${about} Tracking tak update sejak ${orderedOn}.` };
      case 'damaged':
        return { subject: 'Barang rosak', body: `Hi, ${item} sampai dalam keadaan rosak.${about} Boleh ganti baru?` };
      case 'wrong-item':
        return { subject: 'Wrong colour received', body: `Hi seller, I ordered ${product.label} but received a different colour.${about}` };
      default:
        return { subject: 'Question about item', body: `Hi, is this ${product.name.toLowerCase()} suitable for daily use?${about}` };
    }
  }
  switch (topic) {
    case 'where-is-order':
      return {
        subject: rng.pick(['Where is my order?', 'Order not arrived yet', 'Tracking not updating']),
        body: `Hi, I ordered the ${item} on ${orderedOn}${about} and it still hasn't arrived. The tracking hasn't updated in days. Can you check what is going on?`,
      };
    case 'damaged':
      return { subject: 'Arrived damaged', body: `Hello, my ${item}${about} arrived with a dent and the box was crushed. Could you send a replacement?` };
    case 'wrong-item':
      return { subject: 'Wrong item received', body: `Hi, I ordered the ${item}${about} but received a different variant. Please advise how to exchange it.` };
    case 'how-to':
      return product.category === 'smart home'
        ? { subject: 'Cannot connect to the app', body: `Hi, I can't get the ${product.name.toLowerCase()} to connect to my Wi-Fi. I tried resetting it twice.${about ? ` It was${about.replace(/[()]/g, '')}.` : ''}` }
        : { subject: 'How do I clean it?', body: `Hi, what is the best way to clean the ${product.name.toLowerCase()}? Can it go in the dishwasher?${about}` };
    case 'return':
      return { subject: 'Return request', body: `Hello, I'd like to return the ${item}${about}. It is not what I expected. How do I send it back?` };
    case 'invoice':
      return { subject: 'Invoice needed', body: `Hi, could you send me an invoice for my order${about}? I need it for my expenses.` };
    case 'leak':
      return { subject: 'Lid is leaking', body: `Hi, the lid of my ${item}${about} leaks when the bottle is on its side in my bag. Is there a replacement seal?` };
  }
}
