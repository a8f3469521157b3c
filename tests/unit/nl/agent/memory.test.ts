import { describe, expect, it } from 'vitest';
import { ThreadMemory, threadKey, type Turn } from '../../../../src/nl/agent/memory.ts';

const turn = (question: string, at: number): Turn => ({ question, calls: [], answer: question.toUpperCase(), at });

describe('ThreadMemory', () => {
  it('keeps the last few turns of a thread, oldest first', () => {
    const memory = new ThreadMemory({ turns: 2 });
    for (const [i, q] of ['a', 'b', 'c'].entries()) memory.remember('t', turn(q, 1000 + i));
    expect(memory.recent('t', 1010).map((t) => t.question)).toEqual(['b', 'c']);
    expect(memory.recent('other', 1010)).toEqual([]);
  });

  it('forgets a thread that went quiet', () => {
    const memory = new ThreadMemory({ idleMs: 60_000 });
    memory.remember('t', turn('a', 0));
    expect(memory.recent('t', 59_000)).toHaveLength(1);
    expect(memory.recent('t', 61_000)).toEqual([]);
  });

  it('holds a bounded number of threads, dropping the least recently used', () => {
    const memory = new ThreadMemory({ threads: 2 });
    memory.remember('t1', turn('a', 1));
    memory.remember('t2', turn('b', 2));
    memory.remember('t1', turn('c', 3));
    memory.remember('t3', turn('d', 4));
    expect(memory.recent('t2', 5)).toEqual([]);
    expect(memory.recent('t1', 5).map((t) => t.question)).toEqual(['a', 'c']);
    expect(memory.recent('t3', 5)).toHaveLength(1);
  });

  it('keys a conversation by adapter, channel, thread and person', () => {
    const base = { via: 'slack', channelId: 'C1' };
    expect(threadKey(base, 'bob')).not.toBe(threadKey(base, 'alice'));
    expect(threadKey(base, 'bob')).not.toBe(threadKey({ ...base, threadId: '1700.1' }, 'bob'));
    expect(threadKey(base, 'bob')).not.toBe(threadKey({ ...base, channelId: 'C2' }, 'bob'));
  });
});
