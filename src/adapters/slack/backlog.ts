/**
 * Runs the work behind acknowledged requests so that it never delays an acknowledgement.
 *
 * Why: Slack wants every request acked within 3 s, and a tool run (Prisma on better-sqlite3)
 * holds the event loop for its whole duration: it does not yield between queries. Three rules:
 * - acks first: while HTTP requests are being read or acked (`isBusy`), or one arrived less than
 *   `quietMs` ago (a burst is still coming in: Node reads new connections only between jobs, so
 *   one job per request would spread a burst's acks over seconds), no job starts; a job that has
 *   waited `maxDeferMs` starts anyway, so a steady stream cannot starve answers;
 * - one job start per turn of the event loop (setImmediate), so Node reads and acks whatever
 *   arrived in between before the next job's database work;
 * - at most `limit` jobs in flight; their waits on the network (posting answers) overlap.
 */
import type { Logger } from '../../logging.ts';
import { describeError } from '../../logging.ts';

/** Options of a {@link Backlog}. */
export interface BacklogOptions {
  /** Jobs in flight at once (default 8). */
  limit?: number;
  /** True while requests are being read or acked; jobs wait for it to turn false. */
  isBusy?: () => boolean;
  /** Longest a job waits for the acks to be done (default 1000 ms). */
  maxDeferMs?: number;
  /**
   * Quiet time after the last request arrived before a job starts (default 250 ms: under load a
   * burst arrives with gaps of a tenth of a second; an answer a quarter second later goes unnoticed).
   */
  quietMs?: number;
}

interface Queued {
  job: () => Promise<void>;
  queuedAt: number;
}

/** A bounded queue of background jobs that gives way to acknowledgements. */
export class Backlog {
  readonly #logger: Logger;
  readonly #limit: number;
  readonly #isBusy: () => boolean;
  readonly #maxDeferMs: number;
  readonly #quietMs: number;
  #lastArrival = Number.NEGATIVE_INFINITY;
  readonly #waiting: Queued[] = [];
  #running = 0;
  #scheduled = false;
  #deferTimer: NodeJS.Timeout | undefined;
  #idle: Array<() => void> = [];

  constructor(logger: Logger, options: BacklogOptions = {}) {
    this.#logger = logger;
    this.#limit = options.limit ?? 8;
    this.#isBusy = options.isBusy ?? (() => false);
    this.#maxDeferMs = options.maxDeferMs ?? 1000;
    this.#quietMs = options.quietMs ?? 250;
  }

  /** Call when a request arrives. */
  arrived(): void {
    this.#lastArrival = performance.now();
  }

  /** Queues `job`; its errors are logged, never thrown at the caller (the request is already acked). */
  add(job: () => Promise<void>): void {
    this.#waiting.push({ job, queuedAt: performance.now() });
    this.#pump();
  }

  /** Call when `isBusy` may have turned false (a request was answered). */
  wake(): void {
    this.#pump();
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.#waiting.length + this.#running;
  }

  /** Resolves once nothing is queued or running (used when stopping). */
  drained(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #pump(): void {
    if (this.#scheduled || this.#running >= this.#limit || this.#waiting.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const head = this.#waiting[0];
      if (!head || this.#running >= this.#limit) return;
      const now = performance.now();
      const waited = now - head.queuedAt;
      const quietFor = now - this.#lastArrival;
      const acking = this.#isBusy() || quietFor < this.#quietMs;
      if (acking && waited < this.#maxDeferMs) {
        // Acks first. wake() runs us again when the last request is answered; the timer when the
        // quiet time has passed, or at the latest when the job has waited long enough.
        const quietLeft = this.#quietMs - quietFor;
        const delay = Math.max(1, Math.min(this.#maxDeferMs - waited, quietLeft > 0 ? quietLeft : Number.POSITIVE_INFINITY));
        clearTimeout(this.#deferTimer);
        this.#deferTimer = setTimeout(() => {
          this.#deferTimer = undefined;
          this.#pump();
        }, delay);
        return;
      }
      if (this.#deferTimer) {
        clearTimeout(this.#deferTimer);
        this.#deferTimer = undefined;
      }
      this.#waiting.shift();
      this.#running += 1;
      head
        .job()
        .catch((error: unknown) => this.#logger.error({ err: describeError(error) }, 'slack background job failed'))
        .finally(() => {
          this.#running -= 1;
          this.#pump();
          if (this.size === 0) for (const resolve of this.#idle.splice(0)) resolve();
        });
      // The next start waits for the next turn of the loop, after any new requests are read.
      this.#pump();
    });
  }
}
