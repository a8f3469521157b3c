/**
 * Identity resolution on the real demo database. The truth is the seed generator's own output
 * (buildDemoDataset: the person each identity was generated for), which the stored links never
 * feed into: resolution recomputes them from the identities' data alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairwiseScores } from '../../../src/core/domain/customers/resolution.ts';
import { resolveIdentities } from '../../../src/core/domain/customers/resolve-identities.ts';
import { readEvidence } from '../../../src/core/domain/customers/evidence.ts';
import { linkIdentity, unlinkIdentity } from '../../../src/core/domain/customers/link-service.ts';
import { PURGE_TX_TIMEOUT_MS, purgeAmazonPii } from '../../../src/core/domain/customers/purge.ts';
import { writeAudit } from '../../../src/core/domain/audit/audit-writer.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { buildDemoDataset, DEMO_ANCHORS } from '../../../src/persistence/seed/index.ts';
import { openDemoDb, TEST_REFERENCE_DATE, type DemoDb } from '../../helpers/demo-db.ts';

let truth: Map<number, number>;
const demos: DemoDb[] = [];

beforeAll(async () => {
  const generated = buildDemoDataset(TEST_REFERENCE_DATE);
  truth = new Map(generated.CustomerIdentity.map((i) => [i.id, i.customerId as number]));
});

afterAll(async () => {
  await Promise.all(demos.map((d) => d.dispose()));
});

async function freshDemo(): Promise<Db> {
  const demo = await openDemoDb();
  demos.push(demo);
  return demo.db;
}

/** Identities grouped by the customer they are linked to now. */
async function storedGroups(db: Db): Promise<number[][]> {
  const rows = await db.customerIdentity.findMany({ select: { id: true, customerId: true }, orderBy: { id: 'asc' } });
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const key = r.customerId === null ? `alone:${r.id}` : String(r.customerId);
    groups.set(key, [...(groups.get(key) ?? []), r.id]);
  }
  return [...groups.values()];
}

const at = new Date(TEST_REFERENCE_DATE.getTime() + 3_600_000);

describe('resolution on the demo dataset', () => {
  it('stored what resolution makes of the evidence, and it matches the generator’s truth', async () => {
    const db = await freshDemo();
    const scores = pairwiseScores(await storedGroups(db), truth);
    console.log(
      `identity resolution, demo dataset as seeded (${truth.size} identities, ${new Set(truth.values()).size} people): ` +
        `precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)} (${scores.correctPairs}/${scores.predictedPairs} pairs correct, ${scores.correctPairs}/${scores.truePairs} found)`,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.99);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);

    // Every link carries resolution's evidence, which names identities and never copies PII.
    const [links, identities] = await Promise.all([
      db.identityLink.findMany({ select: { evidence: true, confidence: true, method: true, createdBy: true } }),
      db.customerIdentity.findMany({ select: { email: true, phone: true, addressLine1: true } }),
    ]);
    const pii = identities.flatMap((i) => [i.email, i.phone, i.addressLine1]).filter((v): v is string => v !== null && v.length > 5);
    const text = JSON.stringify(links.map((l) => l.evidence));
    for (const value of pii) expect(text.includes(value), value).toBe(false);
    for (const link of links) {
      const read = readEvidence(link.evidence);
      expect(read.unreadable).toBe(0);
      expect(read.evidence.length).toBeGreaterThan(0);
    }
    const keyed = await db.customerIdentity.count({ where: { phone: { not: null }, phoneE164: null } });
    expect(keyed).toBe(0);
  });

  it('recomputes the same people from scratch, with every link and customer id thrown away', async () => {
    const db = await freshDemo();
    await db.$transaction([db.identityLink.deleteMany(), db.customerIdentity.updateMany({ data: { customerId: null, emailKey: null, phoneE164: null, nameKey: null } })]);
    const summary = await resolveIdentities(db, { by: 'resolver', at });
    expect(summary.customersCreated).toBe(DEMO_ANCHORS.customerCount);
    expect(summary.linksCreated).toBe(truth.size);
    const scores = pairwiseScores(await storedGroups(db), truth);
    console.log(
      `identity resolution, demo dataset from scratch: precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)} ` +
        `(${scores.correctPairs}/${scores.predictedPairs} pairs correct, ${scores.correctPairs}/${scores.truePairs} found)`,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.99);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('changes nothing when re-run on unchanged data', async () => {
    const db = await freshDemo();
    const before = await db.identityLink.findMany({ orderBy: { id: 'asc' } });
    const summary = await resolveIdentities(db, { by: 'resolver', at });
    expect(summary).toMatchObject({ customersCreated: 0, linksCreated: 0, linksClosed: 0, linksRefreshed: 0, keysUpdated: 0 });
    expect(await db.identityLink.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('links new data after an import: a new identity joins the person its phone belongs to', async () => {
    const db = await freshDemo();
    const jane = await db.customerIdentity.findFirstOrThrow({ where: { emailKey: DEMO_ANCHORS.customerEmail } });
    const ebay = await db.platform.findFirstOrThrow({ where: { code: 'aliexpress' } });
    const added = await db.customerIdentity.create({
      data: { platformId: ebay.id, externalId: 'us9900112233abcd', name: 'J Doe', phone: '+1 (415) 555-0123', country: 'US', createdAt: at },
    });
    const stranger = await db.customerIdentity.create({
      data: { platformId: ebay.id, externalId: 'us9900112234abcd', name: 'Quinn Example', phone: '+1 (415) 555-0999', country: 'US', createdAt: at },
    });
    const summary = await resolveIdentities(db, { by: 'import:test', at });
    expect(summary).toMatchObject({ customersCreated: 1, linksCreated: 2, linksClosed: 0 });
    const linked = await db.customerIdentity.findUniqueOrThrow({ where: { id: added.id }, include: { links: true } });
    expect(linked.customerId).toBe(jane.customerId);
    expect(linked.phoneE164).toBe(DEMO_ANCHORS.customerPhone);
    expect(linked.links).toHaveLength(1);
    expect(linked.links[0]).toMatchObject({ method: 'auto', createdBy: 'import:test', customerId: jane.customerId });
    expect(readEvidence(linked.links[0]!.evidence).evidence).toContainEqual({ role: 'match', kind: 'phone', with: jane.id });
    const alone = await db.customerIdentity.findUniqueOrThrow({ where: { id: stranger.id }, include: { customer: true } });
    expect(alone.customer?.displayName).toBe('Quinn Example');
    // Jane's other identities now cite the new one too; their links stay the same links.
    expect(summary.linksRefreshed).toBeGreaterThanOrEqual(3);
  });

  it('keeps people’s decisions and purged identities when it re-runs', async () => {
    const db = await freshDemo();
    const jane = await db.customerIdentity.findMany({ where: { customer: { identities: { some: { emailKey: DEMO_ANCHORS.customerEmail } } } }, include: { platform: true } });
    const tiktok = jane.find((i) => i.platform.code === 'tiktok-us')!;
    const audit = (tx: Parameters<Parameters<Db['$transaction']>[0]>[0]) => (entry: Parameters<typeof writeAudit>[4]) => writeAudit(tx, 'erin', 'console', at, entry);
    await db.$transaction((tx) => unlinkIdentity(tx, audit(tx), { ref: { kind: 'id', id: tiktok.id }, by: 'erin', at }));
    await resolveIdentities(db, { by: 'resolver', at });
    expect((await db.customerIdentity.findUniqueOrThrow({ where: { id: tiktok.id } })).customerId).toBeNull();

    // Linked by hand to another customer: resolution leaves it there although its phone says Jane.
    await db.$transaction((tx) => linkIdentity(tx, audit(tx), { ref: { kind: 'id', id: tiktok.id }, customerId: 2, by: 'erin', at, reason: 'test' }));
    const summary = await resolveIdentities(db, { by: 'resolver', at });
    expect(summary.linksCreated).toBe(0);
    expect((await db.customerIdentity.findUniqueOrThrow({ where: { id: tiktok.id } })).customerId).toBe(2);
    const kept = await db.identityLink.findFirstOrThrow({ where: { identityId: jane[0]!.id, removedAt: null } });
    expect(readEvidence(kept.evidence).evidence).toContainEqual({ role: 'kept-apart', kind: 'phone', with: tiktok.id });

    // Purged identities stay with their customer though their evidence is gone.
    const purged = await db.$transaction((tx) => purgeAmazonPii(tx, { now: new Date(TEST_REFERENCE_DATE.getTime() + 400 * 86_400_000), audit: audit(tx) }), { timeout: PURGE_TX_TIMEOUT_MS });
    expect(purged.identityIds.length).toBeGreaterThan(100);
    const before = await db.customerIdentity.findMany({ select: { id: true, customerId: true }, orderBy: { id: 'asc' } });
    const after = await resolveIdentities(db, { by: 'resolver', at });
    expect(after).toMatchObject({ linksCreated: 0, linksClosed: 0, customersCreated: 0 });
    expect(await db.customerIdentity.findMany({ select: { id: true, customerId: true }, orderBy: { id: 'asc' } })).toEqual(before);
  });
});
