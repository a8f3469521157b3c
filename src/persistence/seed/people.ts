/**
 * Demo people and how they appear on each platform: names, phones in each platform's
 * format, addresses with the small spelling differences real exports have, relay emails on
 * Amazon. The true person behind every identity is known, so identity resolution has a
 * ground truth to reproduce.
 */
import type { Faker } from '@faker-js/faker';
import { DE, EMAIL_DOMAINS, ES, FR, GB, MY, MY_NAMES, NICKNAMES, PL, US, type City, type CountryGeo } from './geo.ts';
import type { PlatformCode } from './platforms.ts';
import { Rng, seededFaker, type FakerLocale } from './random.ts';

/** Countries demo customers live in. */
export type CountryCode = 'US' | 'DE' | 'MY' | 'FR' | 'ES' | 'PL' | 'GB';

/** A phone number: country calling code plus the national significant number. */
export interface Phone {
  country: CountryCode;
  /** National number without the trunk 0, e.g. "4155550123", "3012345678", "123456789". */
  national: string;
  /** Length of the area / mobile prefix inside `national`. */
  areaLength: number;
}

/** How a platform writes a phone number. */
export type PhoneStyle = 'intl' | 'national' | 'digits' | 'e164' | 'cc-digits' | 'cc-space' | 'dots';

/** A postal address as one platform stores it. */
export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: CountryCode;
}

/** The canonical facts about one real person. */
export interface Person {
  first: string;
  last: string;
  country: CountryCode;
  phone: Phone;
  /** The address parts before per-platform formatting. */
  home: HomeAddress;
  /** The email the person uses where a real email is asked for. */
  email: string;
}

/** Address parts a formatter can spell in several ways. */
export interface HomeAddress {
  number: string;
  street: string;
  unit: string | null;
  city: City;
  postalCode: string;
  country: CountryCode;
}

const CALLING_CODE: Record<CountryCode, string> = { US: '1', DE: '49', MY: '60', FR: '33', ES: '34', PL: '48', GB: '44' };
const TRUNK: Record<CountryCode, string> = { US: '', DE: '0', MY: '0', FR: '0', ES: '', PL: '', GB: '0' };
const GEO: Record<CountryCode, CountryGeo> = { US, DE, MY, FR, ES, PL, GB };
const LOCALE: Record<Exclude<CountryCode, 'MY'>, FakerLocale> = { US: 'en_US', DE: 'de', FR: 'fr', ES: 'es', PL: 'pl', GB: 'en_GB' };

/** The digits of a phone in E.164, e.g. "+14155550123": what a matcher normalises to. */
export function e164(phone: Phone): string {
  return `+${CALLING_CODE[phone.country]}${phone.national}`;
}

/** Formats a phone the way a platform or person writes it. */
export function formatPhone(phone: Phone, style: PhoneStyle): string {
  const cc = CALLING_CODE[phone.country];
  const n = phone.national;
  const area = n.slice(0, phone.areaLength);
  const rest = n.slice(phone.areaLength);
  const group = (s: string, sizes: number[]): string => {
    const out: string[] = [];
    let i = 0;
    for (const size of sizes) {
      if (i >= s.length) break;
      out.push(s.slice(i, i + size));
      i += size;
    }
    if (i < s.length) out.push(s.slice(i));
    return out.join(' ');
  };
  switch (style) {
    case 'e164':
      return `+${cc}${n}`;
    case 'cc-digits':
      return `${cc}${n}`;
    case 'cc-space':
      return `+${cc} ${n}`;
    case 'digits':
      return `${TRUNK[phone.country]}${n}`;
    case 'dots':
      return phone.country === 'US' ? `${area}.${rest.slice(0, 3)}.${rest.slice(3)}` : `${TRUNK[phone.country]}${area}.${rest}`;
    case 'intl':
      switch (phone.country) {
        case 'US':
          return `+1 ${area}-${rest.slice(0, 3)}-${rest.slice(3)}`;
        case 'MY':
          return `+60 ${area}-${rest.slice(0, 3)} ${rest.slice(3)}`;
        case 'FR':
          return `+33 ${group(n, [1, 2, 2, 2, 2])}`;
        case 'ES':
        case 'PL':
          return `+${cc} ${group(n, [3, 3, 3])}`;
        case 'GB':
          return `+44 ${area} ${rest}`;
        case 'DE':
          return `+49 ${area} ${rest}`;
      }
      break;
    case 'national':
      switch (phone.country) {
        case 'US':
          return `(${area}) ${rest.slice(0, 3)}-${rest.slice(3)}`;
        case 'MY':
          return `0${area}-${rest.slice(0, 3)} ${rest.slice(3)}`;
        case 'FR':
          return group(`0${n}`, [2, 2, 2, 2, 2]);
        case 'ES':
        case 'PL':
          return group(n, [3, 3, 3]);
        case 'GB':
          return `0${area} ${rest}`;
        case 'DE':
          return `0${area} ${rest}`;
      }
  }
  return `+${cc}${n}`;
}

/** The phone style each platform's exports use. */
export function platformPhoneStyle(rng: Rng, platform: PlatformCode): PhoneStyle {
  switch (platform) {
    case 'amazon-us':
    case 'amazon-de':
    case 'amazon-uk':
      return 'intl';
    case 'shopify':
      return rng.chance(0.5) ? 'national' : 'e164';
    case 'tiktok-us':
    case 'tiktok-de':
      return 'digits';
    case 'aliexpress':
      return 'cc-space';
    case 'shopee-my':
      return 'cc-digits';
  }
}

const US_STREETS = ['Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lincoln', 'Park', 'Lake', 'Hill', 'Sunset', 'Highland', 'Mission', 'Main', 'Church', 'Mill', 'Walnut', 'Chestnut', 'Jefferson', 'Madison', 'Franklin', 'Willow', 'Spring', 'River', 'Ridge', '2nd', '3rd', '5th', '8th', '12th'];
const US_SUFFIXES: ReadonlyArray<[string, string]> = [
  ['Street', 'St'],
  ['Avenue', 'Ave'],
  ['Road', 'Rd'],
  ['Drive', 'Dr'],
  ['Lane', 'Ln'],
  ['Boulevard', 'Blvd'],
  ['Court', 'Ct'],
  ['Place', 'Pl'],
  ['Way', 'Way'],
];

/** Generates people for one country. Faker supplies names and streets; the rest is our own. */
export class PersonFactory {
  private readonly fakers = new Map<CountryCode, Faker>();
  private readonly usedPhones = new Set<string>();

  constructor(private readonly rng: Rng) {}

  private faker(country: Exclude<CountryCode, 'MY'>): Faker {
    let f = this.fakers.get(country);
    if (!f) {
      f = seededFaker(LOCALE[country], 'people');
      this.fakers.set(country, f);
    }
    return f;
  }

  /** A new random person living in `country`. */
  person(country: CountryCode): Person {
    const { first, last } = this.name(country);
    const geo = GEO[country];
    const city = this.rng.pick(geo.cities);
    const phone = this.phone(country, city);
    const home = this.home(country, city);
    return { first, last, country, phone, home, email: this.email(first, last, country) };
  }

  /**
   * Person number `n` of the medium and large datasets: like person(), but the phone and the
   * email are told apart by the number rather than by a memory of every one handed out (a
   * million of those would not fit the seed's memory budget). Neither collides with the demo's:
   * US phones stay out of the demo's 555-01xx block, and the email carries the number.
   */
  numberedPerson(country: CountryCode, n: number): Person {
    const { first, last } = this.name(country);
    const geo = GEO[country];
    const city = this.rng.pick(geo.cities);
    const phone =
      country === 'US'
        ? ((area: string): Phone => ({ country, national: `${area}555${String(200 + (n % 9_800)).padStart(4, '0')}`, areaLength: area.length }))(
            this.rng.pick(city.areaCodes),
          )
        : this.phone(country, city, false);
    const home = this.home(country, city);
    const email = this.email(first, last, country).replace('@', `.${n}@`);
    return { first, last, country, phone, home, email };
  }

  /** A person with fixed facts (the hand-made hard cases). */
  fixed(p: { first: string; last: string; country: CountryCode; phone: Phone; home: HomeAddress; email: string }): Person {
    this.usedPhones.add(e164(p.phone));
    return { ...p };
  }

  /** A name typical for the country. */
  name(country: CountryCode): { first: string; last: string } {
    if (country === 'MY') return this.malaysianName();
    const f = this.faker(country);
    const sex = this.rng.chance(0.5) ? 'female' : 'male';
    return { first: f.person.firstName(sex), last: f.person.lastName(sex) };
  }

  private malaysianName(): { first: string; last: string } {
    const r = this.rng;
    const group = r.weighted(['malay', 'chinese', 'indian'], [0.55, 0.33, 0.12]);
    const female = r.chance(0.55);
    if (group === 'malay') {
      return {
        first: r.pick(female ? MY_NAMES.malayFemale : MY_NAMES.malayMale),
        last: `${female ? 'binti' : 'bin'} ${r.pick(MY_NAMES.malayFathers)}`,
      };
    }
    if (group === 'chinese') {
      // Written surname first, as Malaysian Chinese names are; last = surname.
      return { first: r.pick(MY_NAMES.chineseGiven), last: r.pick(MY_NAMES.chineseSurnames) };
    }
    return {
      first: r.pick(female ? MY_NAMES.indianGivenFemale : MY_NAMES.indianGivenMale),
      last: `${female ? 'a/p' : 'a/l'} ${r.pick(MY_NAMES.indianFathers)}`,
    };
  }

  /** A unique phone number in the city's area (`unique` false: any number, nothing remembered). */
  phone(country: CountryCode, city: City, unique = true): Phone {
    for (;;) {
      const area = this.rng.pick(city.areaCodes);
      let rest: string;
      if (country === 'US') rest = `55501${this.rng.digits(2, false)}`; // fictional 555-01xx lines
      else if (country === 'GB') rest = `900${this.rng.digits(3, false)}`; // Ofcom drama range
      else if (country === 'MY') rest = this.rng.digits(area === '11' ? 8 : 7, false);
      else if (country === 'DE') rest = this.rng.digits(Math.max(5, 10 - area.length), true);
      else rest = this.rng.digits(9 - area.length, false);
      const phone: Phone = { country, national: `${area}${rest}`, areaLength: area.length };
      if (!unique) return phone;
      const key = e164(phone);
      if (!this.usedPhones.has(key)) {
        this.usedPhones.add(key);
        return phone;
      }
    }
  }

  /** A home address in `city`. */
  home(country: CountryCode, city: City): HomeAddress {
    const r = this.rng;
    const geo = GEO[country];
    let postalCode: string;
    if (country === 'GB') postalCode = `${city.postPrefix} ${r.int(1, 9)}${r.alnum(2, 'ABDEFGHJLNPQRSTUWXYZ')}`;
    else if (country === 'PL') postalCode = `${city.postPrefix}-${r.digits(3, false)}`;
    else if (country === 'FR' && city.postPrefix === '750') postalCode = `750${String(r.int(1, 20)).padStart(2, '0')}`;
    else postalCode = city.postPrefix + r.digits(geo.postcodeLength - city.postPrefix.length, false);

    switch (country) {
      case 'US': {
        const [suffix] = r.pick(US_SUFFIXES);
        return {
          number: String(r.int(10, 9899)),
          street: `${r.pick(US_STREETS)} ${suffix}`,
          unit: r.chance(0.3) ? `Apt ${r.int(1, 24)}${r.pick(['', 'A', 'B', 'C'])}` : null,
          city,
          postalCode,
          country,
        };
      }
      case 'MY':
        return {
          number: String(r.int(1, 88)),
          street: r.pick(MY_NAMES.streets),
          unit: r.chance(0.45) ? `${r.pick(MY_NAMES.buildings)}, ${r.int(1, 30)}-${r.int(1, 12)}` : null,
          city,
          postalCode,
          country,
        };
      default: {
        const f = this.faker(country);
        return {
          number: String(r.int(1, 140)) + (country === 'DE' && r.chance(0.1) ? 'a' : ''),
          street: f.location.street(),
          unit: country === 'GB' ? null : r.chance(0.2) ? (country === 'DE' ? `${r.int(1, 5)}. OG` : `${r.int(1, 6)}º ${r.pick(['A', 'B', 'C'])}`) : null,
          city,
          postalCode,
          country,
        };
      }
    }
  }

  /** A plausible personal email for the name. */
  email(first: string, last: string, country: CountryCode): string {
    const r = this.rng;
    const a = asciiFold(first.split(' ')[0] ?? first).toLowerCase();
    const b = asciiFold(last.replace(/^(bin|binti|a\/l|a\/p) /, '')).toLowerCase().replace(/[^a-z]/g, '');
    const n = r.int(1, 99);
    const local = r.weighted(
      [`${a}.${b}`, `${a}${b}${n}`, `${a[0] ?? 'x'}.${b}`, `${a}_${b}`, `${a}.${b}${r.int(70, 99)}`, `${b}${a}${n}`],
      [3, 2, 1.5, 1, 1.5, 0.6],
    );
    return `${local}@${r.pick(EMAIL_DOMAINS[country] ?? ['gmail.com'])}`;
  }
}

/** "Jürgen Weiß" → "Juergen Weiss", "José" → "Jose": how people type names on foreign sites. */
export function asciiFold(s: string): string {
  return s
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** How one identity spells the person's address. */
export function formatAddress(rng: Rng, home: HomeAddress, opts: { abbreviate?: boolean; fold?: boolean } = {}): Address {
  const abbreviate = opts.abbreviate ?? rng.chance(0.4);
  let street = home.street;
  let unit = home.unit;
  if (home.country === 'US' && abbreviate) {
    for (const [full, short] of US_SUFFIXES) street = street.replace(new RegExp(`\\b${full}$`), short);
    if (unit) unit = unit.replace(/^Apt /, rng.chance(0.5) ? '#' : 'Apt. ');
  }
  if (home.country === 'DE' && abbreviate) street = street.replace(/straße$/, 'str.').replace(/Straße$/, 'Str.');
  let line1: string;
  switch (home.country) {
    case 'US':
    case 'GB':
    case 'FR':
      line1 = `${home.number} ${street}`;
      break;
    case 'MY':
      line1 = abbreviate ? `${home.number}, ${street}` : `No. ${home.number}, ${street}`;
      break;
    case 'ES':
      line1 = `${street}, ${home.number}`;
      break;
    case 'PL':
      line1 = `ul. ${street} ${home.number}`;
      break;
    case 'DE':
      line1 = `${street} ${home.number}`;
      break;
  }
  let city = home.city.city;
  let region = home.city.region;
  if (opts.fold) {
    line1 = asciiFold(line1);
    city = asciiFold(city);
    region = asciiFold(region);
  }
  return { line1, line2: unit, city, region, postalCode: home.postalCode, country: home.country };
}

/** A nickname or initial variant of a first name, or the name itself. */
export function nameVariant(rng: Rng, first: string, last: string, country: CountryCode): string {
  const nick = NICKNAMES[first];
  const roll = rng.next();
  if (nick && roll < 0.5) return `${nick} ${last}`;
  if (roll < 0.15) return `${first.charAt(0)}. ${last}`;
  if (roll < 0.22) return `${first} ${last}`.toLowerCase();
  if (country === 'DE' && roll < 0.35) return asciiFold(`${first} ${last}`);
  return `${first} ${last}`;
}

/** Cities by name, for the hand-made people. */
export function cityNamed(country: CountryCode, name: string): City {
  const found = GEO[country].cities.find((c) => c.city === name);
  if (!found) throw new Error(`no city ${name} in ${country}`);
  return found;
}
