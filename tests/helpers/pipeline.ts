/** Builds a real pipeline over a test database, with a logger whose lines the test can read. */
import { Writable } from 'node:stream';
import { Pipeline, type Outcome } from '../../src/bot/pipeline.ts';
import { createRegistry } from '../../src/core/tools/index.ts';
import type { ToolDefinition } from '../../src/core/tool.ts';
import type { ChatRequest } from '../../src/core/reply.ts';
import { createLogger } from '../../src/logging.ts';
import type { Db } from '../../src/persistence/db.ts';

/** A pipeline plus the log lines it wrote and a `say` shortcut. */
export interface TestPipeline {
  pipeline: Pipeline;
  logs: Array<Record<string, unknown>>;
  /** Sends `text` as the console user `handle`. */
  say(handle: string, text: string, extra?: Partial<ChatRequest>): Promise<Outcome>;
}

/** A pipeline on `db` with the clock pinned to `now`. */
export function testPipeline(db: Db, now: Date, tools?: readonly ToolDefinition[]): TestPipeline {
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const pipeline = new Pipeline({ db, registry: createRegistry(tools), logger: createLogger({ level: 'info', destination }), now: () => now });
  return {
    pipeline,
    logs,
    say: (handle, text, extra = {}) => pipeline.handle({ via: 'console', user: { handle }, channelId: 'test', text, ...extra }),
  };
}

/** All text of a reply in one string, for "contains" checks. */
export function replyText(outcome: Outcome): string {
  const r = outcome.reply;
  return [
    r.title,
    r.summary,
    ...(r.fields ?? []).flatMap((f) => [f.label, f.value]),
    ...(r.tables ?? []).flatMap((t) => [t.title, ...t.columns.map((c) => c.label), ...t.rows.flatMap((row) => Object.values(row))]),
    ...(r.notes ?? []),
    ...(r.actions ?? []).flatMap((a) => [a.label, a.command]),
  ]
    .filter(Boolean)
    .join('\n');
}
