/**
 * Benchmark: `/customer` lookup by email, phone and order id, p50 and p95, against the same
 * lookup written as raw SQL (better-sqlite3, prepared statements) on the same database file.
 *
 *   npm run bench -- customer-lookup      (both datasets, 300 samples; figures into bench/results.json)
 *   npx tsx bench/customer-lookup.ts [--scale demo|large|both] [--samples 300] [--db file:path.db] [--json]
 *
 * "The lookup" is what `/customer <key>` reads: normalise the key, find the customer, then the
 * profile (identities and links, value per platform, first page of orders with their lines,
 * open tickets, reviews, and the counts). Both sides normalise the same way, run the same SQL
 * (the key lookup and the one-statement profile of profile-query.ts) and parse the same row;
 * only the access layer differs: the app's Prisma client and domain code vs better-sqlite3
 * prepared statements. Reply rendering, masking and the audit write are measured separately
 * ("full tool", the whole pipeline), against the same raw lookup.
 *
 * Datasets: "demo" is the seeded demo (2,000 people); "large" is the demo with its customers,
 * identities, orders, lines, tickets, reviews and links copied 50 times under new ids and keys
 * (100,000 people), so every index is 50× deeper. The lookups target the original people.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { Pipeline } from '../src/bot/pipeline.ts';
import { createRegistry } from '../src/core/tools/index.ts';
import { findCustomer, type Subject } from '../src/core/domain/customers/lookup.ts';
import { phoneReadings } from '../src/core/domain/customers/normalize.ts';
import { buyerCountries } from '../src/core/domain/customers/platforms.ts';
import { customerProfile, ORDERS_PER_PAGE, REVIEWS_SHOWN, TICKETS_SHOWN } from '../src/core/domain/customers/profile.ts';
import { outsideIdentityIds, PROFILE_SQL, profileParams, profileRow, type ProfileRow } from '../src/core/domain/customers/profile-query.ts';
import { classifyQuery } from '../src/core/domain/customers/query.ts';
import { orderRefVariants } from '../src/core/domain/customers/resolve-identities.ts';
import { createLogger } from '../src/logging.ts';
import type { Db } from '../src/persistence/db.ts';
import { openDatabase } from '../src/persistence/open-database.ts';
import { sqliteFilePath } from '../src/persistence/db.ts';
import { seedDemo } from '../src/persistence/seed/index.ts';
import { PERSON_COUNT } from '../src/persistence/seed/customers.ts';
import { percentile, type Benchmark } from './lib.ts';

/** The few better-sqlite3 calls the baseline uses (the package ships no type declarations). */
interface Statement {
  all(...params: unknown[]): Array<Record<string, unknown>>;
  get(...params: unknown[]): Record<string, unknown> | undefined;
}
interface RawDb {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}
type RawDbCtor = new (file: string, options?: { readonly?: boolean }) => RawDb;
const RawDatabase = createRequire(import.meta.url)('better-sqlite3') as RawDbCtor;

/** Copies of the demo's customer data in the large dataset. */
export const LARGE_FACTOR = 50;
const KINDS = ['email', 'phone', 'order'] as const;
type Kind = (typeof KINDS)[number];

/** p50 and p95 of one kind of lookup, in milliseconds, both ways. */
export interface LookupFigures {
  dataset: string;
  /** "wall" (elapsed) or "cpu" (this process's CPU time, which other load on the machine barely moves). */
  clock: 'wall' | 'cpu';
  kind: Kind | 'full tool (email)';
  samples: number;
  prismaP50: number;
  prismaP95: number;
  rawP50: number;
  rawP95: number;
  /** Prisma p50 / raw p50. */
  ratioP50: number;
  ratioP95: number;
}

/** Elapsed and CPU milliseconds of each call, each list sorted. */
export interface Timings {
  wall: number[];
  cpu: number[];
}

/**
 * Times `a` and `b` on every input, interleaved (a then b, then b then a on the next input), so
 * both see the same machine load; a warm-up pass runs first. Records elapsed time and this
 * process's CPU time (user + system) per call: on a busy shared machine the elapsed time
 * includes waiting for a core, the CPU time does not.
 */
export async function timePaired<T>(
  inputs: readonly T[],
  a: (input: T) => Promise<unknown> | unknown,
  b: (input: T) => Promise<unknown> | unknown,
): Promise<[Timings, Timings]> {
  for (const input of inputs.slice(0, Math.min(20, inputs.length))) {
    await a(input);
    await b(input);
  }
  const ta: Timings = { wall: [], cpu: [] };
  const tb: Timings = { wall: [], cpu: [] };
  const run = async (fn: (input: T) => Promise<unknown> | unknown, input: T, into: Timings) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await fn(input);
    into.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    into.cpu.push((used.user + used.system) / 1000);
  };
  for (const [i, input] of inputs.entries()) {
    if (i % 2 === 0) {
      await run(a, input, ta);
      await run(b, input, tb);
    } else {
      await run(b, input, tb);
      await run(a, input, ta);
    }
  }
  const sort = (t: Timings): Timings => ({ wall: t.wall.sort((x, y) => x - y), cpu: t.cpu.sort((x, y) => x - y) });
  return [sort(ta), sort(tb)];
}

/** The raw-SQL twin of findCustomer + customerProfile (page 1): the same statements through better-sqlite3. */
class RawLookup {
  readonly #byEmail: Statement;
  readonly #byPhone: Statement;
  readonly #byOrder: Statement;
  readonly #profile: Statement;
  readonly #others: Statement;
  readonly #countries: string[];

  constructor(db: RawDb, countries: string[]) {
    this.#countries = countries;
    this.#byEmail = db.prepare(`SELECT "id", "customerId" FROM "CustomerIdentity" WHERE "emailKey" = ?`);
    this.#byPhone = db.prepare(`SELECT "id", "customerId" FROM "CustomerIdentity" WHERE "phoneE164" IN (SELECT value FROM json_each(?))`);
    this.#byOrder = db.prepare(
      `SELECT i."id", i."customerId" FROM "Order" o JOIN "CustomerIdentity" i ON i."id" = o."identityId" WHERE o."externalId" IN (SELECT value FROM json_each(?))`,
    );
    this.#profile = db.prepare(PROFILE_SQL);
    this.#others = db.prepare(`SELECT "id", "platformId", "customerId", "email", "phoneE164" FROM "CustomerIdentity" WHERE "id" IN (SELECT value FROM json_each(?))`);
  }

  lookup(kind: Kind, text: string): ProfileRow {
    const query = classifyQuery(text);
    if (!query.ok) throw new Error(`bad query ${text}`);
    let hits: Array<Record<string, unknown>>;
    if (kind === 'email' && query.query.kind === 'email') hits = this.#byEmail.all(query.query.email);
    else if (kind === 'phone') hits = this.#byPhone.all(JSON.stringify(phoneReadings(text, this.#countries)));
    else hits = this.#byOrder.all(JSON.stringify(orderRefVariants(text)));
    const customerId = Number(hits[0]?.customerId);
    const row = this.#profile.get(...profileParams({ kind: 'customer', customerId }, 0, ORDERS_PER_PAGE, REVIEWS_SHOWN, TICKETS_SHOWN));
    // Parsed the same way as the client's result, so both sides hand back the same data.
    const parsed = profileRow.parse(row);
    const outside = outsideIdentityIds(parsed);
    if (outside.length > 0) this.#others.all(JSON.stringify(outside));
    return parsed;
  }
}

/** Copies the customer data LARGE_FACTOR − 1 more times under new ids and keys, in raw SQL (the "large" dataset). */
export function inflate(file: string, log: (line: string) => void): void {
  const db = new RawDatabase(file);
  const max = (table: string) => Number(db.prepare(`SELECT COALESCE(MAX(id), 0) AS m FROM "${table}"`).get()?.m ?? 0);
  const base = { c: max('Customer'), i: max('CustomerIdentity'), o: max('Order'), l: max('OrderLine'), t: max('Ticket'), r: max('Review'), k: max('IdentityLink') };
  db.exec('BEGIN');
  for (let n = 1; n < LARGE_FACTOR; n++) {
    const off = (x: number) => x * n;
    db.exec(`
      INSERT INTO Customer (id, displayName, createdAt) SELECT id + ${off(base.c)}, displayName, createdAt FROM Customer WHERE id <= ${base.c};
      INSERT INTO CustomerIdentity (id, platformId, externalId, customerId, name, email, emailKind, phone, addressLine1, addressLine2, city, region, postalCode, country, piiPurgedAt, emailKey, phoneE164, nameKey, createdAt)
        SELECT id + ${off(base.i)}, platformId, externalId || '-x${n}', customerId + ${off(base.c)}, name, 'x${n}.' || email, emailKind, phone, addressLine1, addressLine2, city, region, postalCode, country, piiPurgedAt,
               'x${n}.' || emailKey, '+99${n}' || substr(phoneE164, 2), nameKey, createdAt
          FROM CustomerIdentity WHERE id <= ${base.i};
      INSERT INTO IdentityLink (id, identityId, customerId, evidence, confidence, method, createdAt, createdBy, removedAt, removedBy)
        SELECT id + ${off(base.k)}, identityId + ${off(base.i)}, customerId + ${off(base.c)}, evidence, confidence, method, createdAt, createdBy, removedAt, removedBy FROM IdentityLink WHERE id <= ${base.k};
      INSERT INTO "Order" (id, platformId, externalId, identityId, orderedAt, shippedAt, status, currency, total, shipCountry)
        SELECT id + ${off(base.o)}, platformId, externalId || '-x${n}', identityId + ${off(base.i)}, orderedAt, shippedAt, status, currency, total, shipCountry FROM "Order" WHERE id <= ${base.o};
      INSERT INTO OrderLine (id, orderId, skuId, externalSku, title, quantity, unitPrice)
        SELECT id + ${off(base.l)}, orderId + ${off(base.o)}, skuId, externalSku, title, quantity, unitPrice FROM OrderLine WHERE id <= ${base.l};
      INSERT INTO Ticket (id, platformId, identityId, externalId, subject, body, status, orderRef, createdAt, updatedAt)
        SELECT id + ${off(base.t)}, platformId, identityId + ${off(base.i)}, externalId || '-x${n}', subject, body, status, orderRef || '-x${n}', createdAt, updatedAt FROM Ticket WHERE id <= ${base.t};
      INSERT INTO Review (id, platformId, identityId, skuId, rating, title, body, createdAt)
        SELECT id + ${off(base.r)}, platformId, identityId + ${off(base.i)}, skuId, rating, title, body, createdAt FROM Review WHERE id <= ${base.r};
    `);
  }
  db.exec('COMMIT');
  db.exec('ANALYZE');
  log(`bench: large dataset: ${max('Customer').toLocaleString('en-US')} customers, ${max('CustomerIdentity').toLocaleString('en-US')} identities, ${max('Order').toLocaleString('en-US')} orders`);
  db.close();
}

/** Sample keys of real demo people: real emails, phones (as E.164 text), order ids. */
async function sampleKeys(db: Db, samples: number): Promise<Record<Kind, string[]>> {
  const limit = (rows: string[]) => rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / samples)) === 0).slice(0, samples);
  const [emails, phones, orders] = await Promise.all([
    // The demo's own people (customers 1…2,000): on the medium and large datasets the extra
    // people's phones may be shared, and reading a million keys here would skew the peak RSS.
    db.customerIdentity.findMany({ where: { emailKind: 'real', emailKey: { not: null }, customerId: { not: null, lte: PERSON_COUNT }, NOT: { externalId: { contains: '-x' } } }, select: { emailKey: true }, orderBy: { id: 'asc' } }),
    db.customerIdentity.findMany({ where: { phoneE164: { startsWith: '+1' }, customerId: { not: null, lte: PERSON_COUNT } }, select: { phoneE164: true }, orderBy: { id: 'asc' } }),
    db.order.findMany({ where: { NOT: { externalId: { contains: '-x' } }, identity: { customerId: { lte: PERSON_COUNT } } }, select: { externalId: true }, orderBy: { id: 'asc' } }),
  ]);
  // Only keys that find exactly one customer, so both sides do the same work.
  const unique = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i);
  return {
    email: limit(unique(emails.map((e) => e.emailKey as string))),
    phone: limit(unique(phones.map((p) => p.phoneE164 as string))),
    order: limit(orders.map((o) => o.externalId).filter((x) => /^\d{3}-\d{7}-\d{7}$/.test(x))),
  };
}

/** Runs the benchmark on one database file. */
async function benchFile(dataset: string, url: string, samples: number): Promise<LookupFigures[]> {
  const db = await openDatabase(url);
  const raw = new RawDatabase(sqliteFilePath(url), { readonly: true });
  try {
    const keys = await sampleKeys(db, samples);
    const rawLookup = new RawLookup(raw, await buyerCountries.get(db));
    const figures: LookupFigures[] = [];
    const rows = (kind: LookupFigures['kind'], prisma: Timings, raw: Timings): LookupFigures[] =>
      (['wall', 'cpu'] as const).map((clock) => {
        const r = (x: number) => Math.round(x * 1000) / 1000;
        const [pt, rt] = [prisma[clock], raw[clock]];
        return {
          dataset,
          clock,
          kind,
          samples: pt.length,
          prismaP50: r(percentile(pt, 50)),
          prismaP95: r(percentile(pt, 95)),
          rawP50: r(percentile(rt, 50)),
          rawP95: r(percentile(rt, 95)),
          ratioP50: r(percentile(pt, 50) / percentile(rt, 50)),
          ratioP95: r(percentile(pt, 95) / percentile(rt, 95)),
        };
      });
    for (const kind of KINDS) {
      const [prisma, rawTimes] = await timePaired(
        keys[kind],
        async (text) => {
          const query = classifyQuery(text);
          if (!query.ok) throw new Error(`bad query ${text}`);
          const found = await findCustomer(db, query.query);
          if (found.kind !== 'found') throw new Error(`${kind} ${text}: ${found.kind}`);
          return customerProfile(db, found.subject as Subject, 1);
        },
        (text) => rawLookup.lookup(kind, text),
      );
      figures.push(...rows(kind, prisma, rawTimes));
    }
    // The whole tool through the pipeline: parse, authorise, look up, mask, render, audit (a write).
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const pipeline = new Pipeline({ db, registry: createRegistry(), logger: createLogger({ level: 'silent', destination: sink }) });
    const [full, rawEmail] = await timePaired(
      keys.email,
      (text) => pipeline.handle({ via: 'console', user: { handle: 'carol' }, channelId: 'bench', text: `/customer ${text}` }),
      (text) => rawLookup.lookup('email', text),
    );
    figures.push(...rows('full tool (email)', full, rawEmail));
    return figures;
  } finally {
    raw.close();
    await db.$disconnect();
  }
}

/** Runs the benchmark; builds the datasets in a temporary folder unless `db` is given. */
export async function runCustomerLookupBench(opts: { scale?: 'demo' | 'large' | 'both'; samples?: number; db?: string; dataset?: string; log?: (line: string) => void } = {}): Promise<LookupFigures[]> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const samples = opts.samples ?? 300;
  if (opts.db) return benchFile(opts.dataset ?? opts.db, opts.db, samples);
  const dir = await mkdtemp(join(tmpdir(), 'ops-bench-customer-'));
  try {
    const file = join(dir, 'demo.db');
    const seeded = await openDatabase(`file:${file}`);
    await seedDemo(seeded, { referenceDate: new Date(Date.UTC(2026, 10, 20)), log });
    await seeded.$disconnect();
    const figures: LookupFigures[] = [];
    const scale = opts.scale ?? 'both';
    if (scale !== 'large') figures.push(...(await benchFile('demo', `file:${file}`, samples)));
    if (scale !== 'demo') {
      inflate(file, log);
      figures.push(...(await benchFile('large', `file:${file}`, samples)));
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The figures as an aligned text table. */
export function formatFigures(figures: readonly LookupFigures[]): string {
  const head = ['dataset', 'clock', 'lookup', 'n', 'prisma p50', 'prisma p95', 'raw SQL p50', 'raw SQL p95', 'ratio p50', 'ratio p95'];
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const rows = [...figures]
    .sort((a, b) => a.dataset.localeCompare(b.dataset) || a.clock.localeCompare(b.clock) * -1)
    .map((f) => [f.dataset, f.clock, f.kind, String(f.samples), ms(f.prismaP50), ms(f.prismaP95), ms(f.rawP50), ms(f.rawP95), `${f.ratioP50.toFixed(2)}×`, `${f.ratioP95.toFixed(2)}×`]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 4 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** Flat figure keys, e.g. customer_lookup_large_email_cpu_ratio_p50. */
function flatFigures(figures: readonly LookupFigures[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of figures) {
    const base = `customer_lookup_${f.dataset.replace(/\W+/g, '_')}_${f.kind.replace(/\W+/g, '_').replace(/_+$/, '')}_${f.clock}`;
    Object.assign(out, {
      [`${base}_prisma_p50_ms`]: f.prismaP50,
      [`${base}_prisma_p95_ms`]: f.prismaP95,
      [`${base}_raw_p50_ms`]: f.rawP50,
      [`${base}_raw_p95_ms`]: f.rawP95,
      [`${base}_ratio_p50`]: f.ratioP50,
      [`${base}_ratio_p95`]: f.ratioP95,
    });
  }
  return out;
}

/** The `npm run bench` entry: both datasets, 300 lookups of each kind. */
export const benchmark: Benchmark = {
  name: 'customer-lookup',
  title: 'Customer lookup: /customer by email, phone and order id vs the same SQL through better-sqlite3',
  async run(log, ctx) {
    // On a prepared dataset (npm run bench -- --scale …) measure there; alone, build demo and "large" (demo × 50).
    const figures = ctx ? await runCustomerLookupBench({ db: ctx.dbUrl, dataset: ctx.scale, samples: 300, log }) : await runCustomerLookupBench({ scale: 'both', samples: 300, log });
    const target = ctx ? ctx.scale : 'large';
    const lookups = figures.filter((f) => f.dataset === target && f.kind !== 'full tool (email)');
    // Stable headline keys (CPU time): customer_lookup_email_p95_ratio and friends.
    const headline: Record<string, number> = {};
    for (const f of lookups.filter((x) => x.clock === 'cpu')) {
      Object.assign(headline, {
        [`customer_lookup_${f.kind}_p50_ms`]: f.prismaP50,
        [`customer_lookup_${f.kind}_p95_ms`]: f.prismaP95,
        [`customer_lookup_${f.kind}_raw_p50_ms`]: f.rawP50,
        [`customer_lookup_${f.kind}_raw_p95_ms`]: f.rawP95,
        [`customer_lookup_${f.kind}_p50_ratio`]: f.ratioP50,
        [`customer_lookup_${f.kind}_p95_ratio`]: f.ratioP95,
      });
    }
    const worst = (clock: 'wall' | 'cpu') => Math.max(...lookups.filter((f) => f.clock === clock).map((f) => f.ratioP50));
    const ms = (x: number) => `${x.toFixed(3)} ms`;
    return {
      table: {
        columns: ['dataset · clock · lookup', 'prisma p50', 'prisma p95', 'raw SQL p50', 'raw SQL p95', 'ratio p50', 'ratio p95'],
        rows: figures.map((f) => [`${f.dataset} · ${f.clock} · ${f.kind}`, ms(f.prismaP50), ms(f.prismaP95), ms(f.rawP50), ms(f.rawP95), `${f.ratioP50.toFixed(2)}×`, `${f.ratioP95.toFixed(2)}×`]),
      },
      figures: { ...(ctx ? {} : flatFigures(figures)), ...headline },
      notes: [
        `goal on the large dataset: lookup ≤ 3× raw SQL → CPU time worst p50 ratio ${worst('cpu').toFixed(2)}× (${worst('cpu') <= 3 ? 'met' : 'not met'}), elapsed ${worst('wall').toFixed(2)}×`,
        `load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on this machine; elapsed times include waiting for a core, CPU times do not`,
        '"full tool" is the whole pipeline (actor, parse, lookup, masking, rendering, audit write), shown beside the raw lookup for scale',
      ],
    };
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'both' }, samples: { type: 'string', default: '300' }, db: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const scale = values.scale as 'demo' | 'large' | 'both';
  if (!['demo', 'large', 'both'].includes(scale)) {
    process.stderr.write('--scale must be demo, large or both\n');
    process.exit(2);
  }
  runCustomerLookupBench({ scale, samples: Number(values.samples), ...(values.db ? { db: values.db } : {}) }).then(
    (figures) => {
      process.stdout.write(values.json ? `${JSON.stringify(figures, null, 2)}\n` : `${formatFigures(figures)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
