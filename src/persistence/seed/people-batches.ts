/**
 * The extra people of the medium and large datasets, batch by batch, generated on a worker
 * thread while the main thread writes: generating a batch (names, addresses, match keys,
 * orders) costs about as much as writing the catalogue copies and the batches before it, so the
 * two overlap on a 2-core machine. Deterministic either way: the worker runs the same generator,
 * in the same order, as the main thread would.
 */
import { Worker } from 'node:worker_threads';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { buildMorePeople, ListingSampler } from './customers.ts';
import type { DemoTables } from './types.ts';

/** One batch of people with everything they own. */
export type PeopleTables = Pick<DemoTables, 'Customer' | 'CustomerIdentity' | 'IdentityLink' | 'Order' | 'OrderLine'>;

/** What the people generator needs to know; plain data, so it can cross to a worker. */
export interface PeoplePlan {
  ref: Date;
  /** Number of catalogue copies (their listings are what the people buy). */
  copies: number;
  /** Ids of the first copy's first product, SKU and listing. */
  firstCopyIds: { product: number; sku: number; listing: number };
  /** How many people to add, and how many per batch. */
  people: number;
  batchSize: number;
  /** Ids of the first batch's first row per table. */
  firstIds: { customer: number; identity: number; link: number; order: number; line: number };
}

/** The catalogue copies 1…`copies`, each numbered on from the one before. */
export function* catalogueCopies(ref: Date, copies: number, first: PeoplePlan['firstCopyIds']): Generator<Catalogue & { index: number }> {
  let ids = { ...first };
  for (let index = 1; index <= copies; index++) {
    const catalogue = buildCatalogue(ref, { index, firstIds: ids });
    yield { ...catalogue, index };
    ids = { product: ids.product + catalogue.tables.Product.length, sku: ids.sku + catalogue.tables.Sku.length, listing: ids.listing + catalogue.tables.Listing.length };
  }
}

/** The people batches of a plan, in order, on the calling thread. */
export function* peopleBatches(plan: PeoplePlan): Generator<PeopleTables> {
  const sampler = new ListingSampler();
  sampler.add(buildCatalogue(plan.ref).listings);
  for (const copy of catalogueCopies(plan.ref, plan.copies, plan.firstCopyIds)) sampler.add(copy.listings);
  const next = { ...plan.firstIds };
  let orders = 0;
  for (let done = 0, index = 1; done < plan.people; index++) {
    const people = Math.min(plan.batchSize, plan.people - done);
    const tables = buildMorePeople(plan.ref, sampler, { index, people, firstPerson: done, firstOrder: orders, firstIds: { ...next } });
    next.customer += tables.Customer.length;
    next.identity += tables.CustomerIdentity.length;
    next.link += tables.IdentityLink.length;
    next.order += tables.Order.length;
    next.line += tables.OrderLine.length;
    done += people;
    orders += tables.Order.length;
    yield tables;
  }
}

/** Batches the worker may have generated ahead of the writer (memory stays bounded). */
export const READ_AHEAD = 2;

/** Messages from the worker: a batch, the end, or what went wrong. */
export type WorkerMessage = { batch: PeopleTables } | { done: true } | { error: string };

/**
 * The people batches of a plan, generated on a worker thread (started at once) up to
 * `READ_AHEAD` batches ahead of the loop that reads them. Call `close()` when done, read or not.
 */
export class PeopleStream implements AsyncIterable<PeopleTables> {
  private readonly worker: Worker;
  private readonly inbox: WorkerMessage[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(plan: PeoplePlan) {
    this.worker = new Worker(new URL('./people-worker.ts', import.meta.url), {
      workerData: plan,
      // The worker loads TypeScript the way this process does (tsx), whoever started it.
      execArgv: ['--import', import.meta.resolve('tsx')],
    });
    this.worker.on('message', (message: WorkerMessage) => {
      this.inbox.push(message);
      this.notify();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.notify();
    });
    this.worker.on('exit', (code) => {
      if (code !== 0) this.failure ??= new Error(`seed: the people generator stopped with exit code ${code}`);
      this.notify();
    });
  }

  private notify(): void {
    this.wake?.();
    this.wake = null;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<PeopleTables> {
    for (;;) {
      const message = this.inbox.shift();
      if (!message) {
        if (this.failure) throw this.failure;
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      if ('error' in message) throw new Error(`seed: generating people failed: ${message.error}`);
      if ('done' in message) return;
      this.worker.postMessage('next'); // room for one more batch
      yield message.batch;
    }
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
