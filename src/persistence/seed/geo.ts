/**
 * Places and phone conventions for demo customers: real city / region / postcode / area-code
 * combinations, so an address looks right to the people reading it.
 */

/** A city a customer can live in. */
export interface City {
  city: string;
  region: string;
  /** Leading digits of the postcode; the rest is random. */
  postPrefix: string;
  /** Landline or mobile prefix (national, without trunk 0) used for phone numbers. */
  areaCodes: readonly string[];
}

/** Country data used by the customer generator. */
export interface CountryGeo {
  code: string;
  cities: readonly City[];
  postcodeLength: number;
}

/** US: area codes are real; line numbers use the fictional 555-01xx range. */
export const US: CountryGeo = {
  code: 'US',
  postcodeLength: 5,
  cities: [
    { city: 'San Francisco', region: 'CA', postPrefix: '941', areaCodes: ['415', '628'] },
    { city: 'Los Angeles', region: 'CA', postPrefix: '900', areaCodes: ['213', '323', '310'] },
    { city: 'San Diego', region: 'CA', postPrefix: '921', areaCodes: ['619', '858'] },
    { city: 'Seattle', region: 'WA', postPrefix: '981', areaCodes: ['206'] },
    { city: 'Portland', region: 'OR', postPrefix: '972', areaCodes: ['503', '971'] },
    { city: 'Denver', region: 'CO', postPrefix: '802', areaCodes: ['303', '720'] },
    { city: 'Austin', region: 'TX', postPrefix: '787', areaCodes: ['512', '737'] },
    { city: 'Houston', region: 'TX', postPrefix: '770', areaCodes: ['713', '832'] },
    { city: 'Dallas', region: 'TX', postPrefix: '752', areaCodes: ['214', '469'] },
    { city: 'Phoenix', region: 'AZ', postPrefix: '850', areaCodes: ['602', '480'] },
    { city: 'Chicago', region: 'IL', postPrefix: '606', areaCodes: ['312', '773'] },
    { city: 'Minneapolis', region: 'MN', postPrefix: '554', areaCodes: ['612'] },
    { city: 'Columbus', region: 'OH', postPrefix: '432', areaCodes: ['614'] },
    { city: 'Detroit', region: 'MI', postPrefix: '482', areaCodes: ['313'] },
    { city: 'Atlanta', region: 'GA', postPrefix: '303', areaCodes: ['404', '678'] },
    { city: 'Miami', region: 'FL', postPrefix: '331', areaCodes: ['305', '786'] },
    { city: 'Orlando', region: 'FL', postPrefix: '328', areaCodes: ['407'] },
    { city: 'Charlotte', region: 'NC', postPrefix: '282', areaCodes: ['704', '980'] },
    { city: 'Nashville', region: 'TN', postPrefix: '372', areaCodes: ['615'] },
    { city: 'Boston', region: 'MA', postPrefix: '021', areaCodes: ['617', '857'] },
    { city: 'New York', region: 'NY', postPrefix: '100', areaCodes: ['212', '646', '917'] },
    { city: 'Brooklyn', region: 'NY', postPrefix: '112', areaCodes: ['718', '347'] },
    { city: 'Philadelphia', region: 'PA', postPrefix: '191', areaCodes: ['215', '267'] },
    { city: 'Pittsburgh', region: 'PA', postPrefix: '152', areaCodes: ['412'] },
    { city: 'Baltimore', region: 'MD', postPrefix: '212', areaCodes: ['410', '443'] },
    { city: 'Richmond', region: 'VA', postPrefix: '232', areaCodes: ['804'] },
    { city: 'Salt Lake City', region: 'UT', postPrefix: '841', areaCodes: ['801', '385'] },
    { city: 'Madison', region: 'WI', postPrefix: '537', areaCodes: ['608'] },
    { city: 'Raleigh', region: 'NC', postPrefix: '276', areaCodes: ['919', '984'] },
    { city: 'Boise', region: 'ID', postPrefix: '837', areaCodes: ['208'] },
  ],
};

/** Germany: real Vorwahlen and PLZ regions. */
export const DE: CountryGeo = {
  code: 'DE',
  postcodeLength: 5,
  cities: [
    { city: 'Berlin', region: 'Berlin', postPrefix: '10', areaCodes: ['30'] },
    { city: 'Hamburg', region: 'Hamburg', postPrefix: '20', areaCodes: ['40'] },
    { city: 'München', region: 'Bayern', postPrefix: '80', areaCodes: ['89'] },
    { city: 'Köln', region: 'Nordrhein-Westfalen', postPrefix: '50', areaCodes: ['221'] },
    { city: 'Frankfurt am Main', region: 'Hessen', postPrefix: '60', areaCodes: ['69'] },
    { city: 'Stuttgart', region: 'Baden-Württemberg', postPrefix: '70', areaCodes: ['711'] },
    { city: 'Düsseldorf', region: 'Nordrhein-Westfalen', postPrefix: '40', areaCodes: ['211'] },
    { city: 'Leipzig', region: 'Sachsen', postPrefix: '04', areaCodes: ['341'] },
    { city: 'Dresden', region: 'Sachsen', postPrefix: '01', areaCodes: ['351'] },
    { city: 'Hannover', region: 'Niedersachsen', postPrefix: '30', areaCodes: ['511'] },
    { city: 'Nürnberg', region: 'Bayern', postPrefix: '90', areaCodes: ['911'] },
    { city: 'Bremen', region: 'Bremen', postPrefix: '28', areaCodes: ['421'] },
    { city: 'Freiburg im Breisgau', region: 'Baden-Württemberg', postPrefix: '79', areaCodes: ['761'] },
    { city: 'Münster', region: 'Nordrhein-Westfalen', postPrefix: '48', areaCodes: ['251'] },
  ],
};

/** Malaysia: postcodes by city, mobile prefixes 10–19 (national, without 0). */
export const MY: CountryGeo = {
  code: 'MY',
  postcodeLength: 5,
  cities: [
    { city: 'Kuala Lumpur', region: 'Wilayah Persekutuan Kuala Lumpur', postPrefix: '50', areaCodes: ['12', '16', '17', '19'] },
    { city: 'Petaling Jaya', region: 'Selangor', postPrefix: '46', areaCodes: ['12', '13', '16', '11'] },
    { city: 'Shah Alam', region: 'Selangor', postPrefix: '40', areaCodes: ['12', '19', '17'] },
    { city: 'Subang Jaya', region: 'Selangor', postPrefix: '47', areaCodes: ['16', '12', '11'] },
    { city: 'Cyberjaya', region: 'Selangor', postPrefix: '63', areaCodes: ['11', '17'] },
    { city: 'Johor Bahru', region: 'Johor', postPrefix: '80', areaCodes: ['12', '16', '19'] },
    { city: 'George Town', region: 'Pulau Pinang', postPrefix: '10', areaCodes: ['12', '16', '14'] },
    { city: 'Ipoh', region: 'Perak', postPrefix: '30', areaCodes: ['12', '16', '13'] },
    { city: 'Melaka', region: 'Melaka', postPrefix: '75', areaCodes: ['12', '16'] },
    { city: 'Seremban', region: 'Negeri Sembilan', postPrefix: '70', areaCodes: ['12', '17'] },
    { city: 'Kota Kinabalu', region: 'Sabah', postPrefix: '88', areaCodes: ['13', '19', '16'] },
    { city: 'Kuching', region: 'Sarawak', postPrefix: '93', areaCodes: ['13', '16', '19'] },
  ],
};

/** France (AliExpress and web-shop buyers). */
export const FR: CountryGeo = {
  code: 'FR',
  postcodeLength: 5,
  cities: [
    { city: 'Paris', region: 'Île-de-France', postPrefix: '750', areaCodes: ['6', '7'] },
    { city: 'Lyon', region: 'Auvergne-Rhône-Alpes', postPrefix: '690', areaCodes: ['6', '7'] },
    { city: 'Marseille', region: "Provence-Alpes-Côte d'Azur", postPrefix: '130', areaCodes: ['6'] },
    { city: 'Toulouse', region: 'Occitanie', postPrefix: '310', areaCodes: ['6', '7'] },
    { city: 'Nantes', region: 'Pays de la Loire', postPrefix: '440', areaCodes: ['6'] },
    { city: 'Bordeaux', region: 'Nouvelle-Aquitaine', postPrefix: '330', areaCodes: ['6', '7'] },
  ],
};

/** Spain. */
export const ES: CountryGeo = {
  code: 'ES',
  postcodeLength: 5,
  cities: [
    { city: 'Madrid', region: 'Madrid', postPrefix: '280', areaCodes: ['6'] },
    { city: 'Barcelona', region: 'Cataluña', postPrefix: '080', areaCodes: ['6'] },
    { city: 'Valencia', region: 'Comunidad Valenciana', postPrefix: '460', areaCodes: ['6'] },
    { city: 'Sevilla', region: 'Andalucía', postPrefix: '410', areaCodes: ['6'] },
    { city: 'Bilbao', region: 'País Vasco', postPrefix: '480', areaCodes: ['6'] },
  ],
};

/** Poland. */
export const PL: CountryGeo = {
  code: 'PL',
  postcodeLength: 5,
  cities: [
    { city: 'Warszawa', region: 'mazowieckie', postPrefix: '00', areaCodes: ['5', '6'] },
    { city: 'Kraków', region: 'małopolskie', postPrefix: '30', areaCodes: ['5', '6'] },
    { city: 'Wrocław', region: 'dolnośląskie', postPrefix: '50', areaCodes: ['5', '7'] },
    { city: 'Gdańsk', region: 'pomorskie', postPrefix: '80', areaCodes: ['5', '6'] },
    { city: 'Poznań', region: 'wielkopolskie', postPrefix: '60', areaCodes: ['5', '7'] },
  ],
};

/** UK mobiles use Ofcom's drama range 07700 900xxx, reserved for fiction. */
export const GB: CountryGeo = {
  code: 'GB',
  postcodeLength: 0,
  cities: [
    { city: 'London', region: 'Greater London', postPrefix: 'SE1', areaCodes: ['7700'] },
    { city: 'Manchester', region: 'Greater Manchester', postPrefix: 'M14', areaCodes: ['7700'] },
    { city: 'Bristol', region: 'Bristol', postPrefix: 'BS6', areaCodes: ['7700'] },
    { city: 'Leeds', region: 'West Yorkshire', postPrefix: 'LS6', areaCodes: ['7700'] },
    { city: 'Edinburgh', region: 'Scotland', postPrefix: 'EH9', areaCodes: ['7700'] },
  ],
};

/** Malaysian names: Malay, Chinese and Indian conventions. */
export const MY_NAMES = {
  malayMale: ['Ahmad', 'Muhammad Faiz', 'Amirul', 'Hafiz', 'Irfan', 'Syafiq', 'Danial', 'Aiman', 'Haziq', 'Firdaus', 'Zulkifli', 'Khairul'],
  malayFemale: ['Nur Aisyah', 'Farah', 'Aina', 'Nabila', 'Syazwani', 'Amira', 'Nur Izzati', 'Hani', 'Aqilah', 'Sofea', 'Balqis', 'Nadia'],
  malayFathers: ['Ismail', 'Abdullah', 'Rahman', 'Hassan', 'Yusof', 'Osman', 'Ibrahim', 'Salleh', 'Hamid', 'Rashid', 'Aziz', 'Kamal'],
  chineseSurnames: ['Tan', 'Lim', 'Lee', 'Wong', 'Ng', 'Chong', 'Ong', 'Teoh', 'Goh', 'Chan', 'Yap', 'Low', 'Chew', 'Khoo'],
  chineseGiven: ['Wei Ming', 'Mei Ling', 'Jia Hui', 'Kah Wai', 'Siew Lan', 'Chee Keong', 'Hui Min', 'Zi Xuan', 'Jun Hao', 'Li Ying', 'Wen Jie', 'Xin Yi'],
  indianGivenMale: ['Ramesh', 'Suresh', 'Arjun', 'Vikram', 'Kumar', 'Prakash', 'Dinesh', 'Ganesh'],
  indianGivenFemale: ['Priya', 'Kavitha', 'Deepa', 'Shalini', 'Anitha', 'Revathi', 'Meena', 'Lavanya'],
  indianFathers: ['Subramaniam', 'Muthu', 'Krishnan', 'Rajendran', 'Murugan', 'Selvam', 'Nair', 'Pillai'],
  streets: ['Jalan SS 2/24', 'Jalan Bukit Bintang', 'Jalan Tun Razak', 'Persiaran Gurney', 'Jalan Ampang', 'Lorong Maarof', 'Jalan PJU 1A/3', 'Jalan Setia Prima', 'Jalan Kenari 5', 'Jalan Mutiara Emas 2', 'Lebuh Chulia', 'Jalan Sultan Ismail', 'Jalan Kuching', 'Jalan USJ 9/5', 'Jalan Meru Impian'],
  buildings: ['Menara Sentral', 'Residensi Vista', 'Pangsapuri Seri Mawar', 'Kondominium Pelangi', 'Taman Desa Jaya', 'Taman Bukit Indah', 'Apartment Sri Ria'],
} as const;

/** Free-mail domains people actually use, per country. */
export const EMAIL_DOMAINS: Record<string, readonly string[]> = {
  US: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'aol.com'],
  DE: ['gmx.de', 'web.de', 'gmail.com', 't-online.de', 'posteo.de', 'outlook.de'],
  MY: ['gmail.com', 'yahoo.com.my', 'hotmail.com', 'outlook.com'],
  FR: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'hotmail.fr'],
  ES: ['gmail.com', 'hotmail.es', 'yahoo.es', 'outlook.es'],
  PL: ['gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl'],
  GB: ['gmail.com', 'hotmail.co.uk', 'btinternet.com', 'yahoo.co.uk', 'outlook.com'],
};

/** Common English nicknames, for the same person signing up differently. */
export const NICKNAMES: Readonly<Record<string, string>> = {
  Robert: 'Bob',
  William: 'Bill',
  Elizabeth: 'Liz',
  Katherine: 'Kate',
  Michael: 'Mike',
  Jennifer: 'Jen',
  Christopher: 'Chris',
  Daniel: 'Dan',
  Matthew: 'Matt',
  Alexander: 'Alex',
  Jessica: 'Jess',
  Nicholas: 'Nick',
  Samantha: 'Sam',
  Benjamin: 'Ben',
  Rebecca: 'Becky',
  Joseph: 'Joe',
  Jonathan: 'Jon',
  Stephanie: 'Steph',
  Thomas: 'Tom',
  Anthony: 'Tony',
};
