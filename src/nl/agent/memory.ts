/**
 * A short memory per conversation, so a follow-up ("and for Germany?") can lean on the last
 * question. It keeps the last few turns per thread (question, the tool calls made, a line of the
 * answer), forgets threads that went quiet, and holds a bounded number of threads: it lives in
 * the process and never grows without limit.
 */

/** One answered question. */
export interface Turn {
  /** What the user asked, as typed (masked again whenever it is sent to the model). */
  question: string;
  /** The tools the agent ran, with the arguments the pipeline accepted. */
  calls: Array<{ tool: string; args: unknown }>;
  /** One line of what the user was shown: the reply's title or summary and the model's sentences. */
  answer: string;
  at: number;
}

/** Sizes of the memory. */
export interface MemoryLimits {
  /** Turns kept per thread. */
  turns: number;
  /** Threads kept; the least recently used is dropped first. */
  threads: number;
  /** A thread quiet for this long starts afresh. */
  idleMs: number;
}

/** Defaults: three turns, 1,000 threads, 30 minutes. */
export const DEFAULT_MEMORY_LIMITS: MemoryLimits = { turns: 3, threads: 1_000, idleMs: 30 * 60_000 };

/** The memory of every thread of one process. */
export class ThreadMemory {
  readonly #threads = new Map<string, Turn[]>();
  readonly #limits: MemoryLimits;

  constructor(limits: Partial<MemoryLimits> = {}) {
    this.#limits = { ...DEFAULT_MEMORY_LIMITS, ...limits };
  }

  /** The recent turns of `thread`, oldest first. */
  recent(thread: string, now: number = Date.now()): Turn[] {
    const turns = this.#threads.get(thread);
    if (!turns) return [];
    const last = turns.at(-1);
    if (!last || now - last.at > this.#limits.idleMs) {
      this.#threads.delete(thread);
      return [];
    }
    return [...turns];
  }

  /** Adds a turn to `thread`. */
  remember(thread: string, turn: Turn): void {
    const turns = this.#threads.get(thread) ?? [];
    this.#threads.delete(thread); // re-inserted below: Map order is our recency order
    turns.push(turn);
    this.#threads.set(thread, turns.slice(-this.#limits.turns));
    while (this.#threads.size > this.#limits.threads) {
      const oldest = this.#threads.keys().next().value;
      if (oldest === undefined) break;
      this.#threads.delete(oldest);
    }
  }
}

/**
 * The memory key of a request: the conversation (adapter, channel, thread when the adapter gives
 * one) and the person, so one user's follow-up never picks up another user's answer.
 */
export function threadKey(request: { via: string; channelId: string; threadId?: string }, actorRef: string): string {
  return [request.via, request.channelId, request.threadId ?? '', actorRef].join('|');
}
