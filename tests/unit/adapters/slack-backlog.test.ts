/** The backlog lets acks go first: no job starts while requests are being answered. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Backlog } from '../../../src/adapters/slack/backlog.ts';
import { createLogger } from '../../../src/logging.ts';

function logger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

/** Lets the event loop turn `n` times. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('Backlog', () => {
  it('holds jobs while requests are being acked, and runs them when woken', async () => {
    let busy = true;
    const ran: string[] = [];
    const backlog = new Backlog(logger().logger, { isBusy: () => busy, quietMs: 0, maxDeferMs: 60_000 });
    backlog.add(async () => void ran.push('a'));
    backlog.add(async () => void ran.push('b'));
    await turns(20);
    expect(ran).toEqual([]);
    busy = false;
    backlog.wake();
    await backlog.drained();
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs at most `limit` jobs at once', async () => {
    let running = 0;
    let most = 0;
    let started = 0;
    const backlog = new Backlog(logger().logger, { limit: 2, quietMs: 0 });
    const releases: Array<() => void> = [];
    for (let i = 0; i < 5; i++) {
      backlog.add(async () => {
        running += 1;
        most = Math.max(most, running);
        started += 1;
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
      });
    }
    while (started < 5) {
      await turns(3);
      releases.shift()?.();
    }
    for (const release of releases) release();
    await backlog.drained();
    expect(most).toBe(2);
  });

  it('logs a failing job instead of throwing, and keeps going', async () => {
    const { lines, logger: log } = logger();
    const backlog = new Backlog(log, { quietMs: 0 });
    const ran: string[] = [];
    backlog.add(async () => {
      throw new Error('boom for jane@example.com');
    });
    backlog.add(async () => void ran.push('after'));
    await backlog.drained();
    expect(ran).toEqual(['after']);
    const failure = lines.find((l) => l.msg === 'slack background job failed');
    expect(JSON.stringify(failure)).toContain('boom');
    expect(JSON.stringify(failure)).not.toContain('jane@example.com');
  });
});
