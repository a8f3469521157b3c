/**
 * Prisma's schema engine (the thing behind `prisma migrate`) in its WebAssembly build.
 *
 * Why: the native schema engine is a separate download that these machines cannot fetch, while
 * `@prisma/schema-engine-wasm` is an ordinary npm package running the same Rust code. It talks
 * to the database through a migration-aware driver adapter instead of its own drivers.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import * as engineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { sqliteAdapter } from './db.ts';
import { isPostgresUrl } from './dialect.ts';
import { postgresMigrationFactory } from './postgres-migration-adapter.ts';

export type { SchemaEngine } from '@prisma/schema-engine-wasm';

/** Receives the engine's log lines (JSON strings as the engine emits them). */
export type EngineLog = (line: string) => void;

/** The slice of the WebAssembly global we use; the project's lib (es2023, no DOM) does not declare it. */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: object } }>;
}
const wasmApi = (): WasmApi => (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * Per-process engine state, kept on globalThis: the glue module is one Node module per process,
 * but this file may be loaded more than once (vitest evaluates it per project), and a second
 * instantiation would swap the WebAssembly memory under the first one's feet.
 */
interface EngineState {
  glueReady: Promise<typeof engineGlue> | undefined;
  /** Settles when the engine in use (if any) has been closed; see openSchemaEngine. */
  turn: Promise<void>;
}
const STATE_KEY = Symbol.for('crossborder-ops.schema-engine');
const state: EngineState = ((globalThis as Record<symbol, EngineState | undefined>)[STATE_KEY] ??= {
  glueReady: undefined,
  turn: Promise.resolve(),
});

/**
 * Instantiates the engine's WebAssembly module once per process.
 * Why by hand: the package's entry point does `import * as wasm from "./x.wasm"`, which plain
 * Node only accepts behind --experimental-wasm-modules. The glue module plus
 * WebAssembly.instantiate does the same thing and works under node, tsx and vitest alike.
 */
export function loadSchemaEngineWasm(): Promise<typeof engineGlue> {
  state.glueReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = new URL('./schema_engine_bg.wasm', pathToFileURL(gluePath));
    const bytes = await readFile(wasmPath);
    const { instance } = await wasmApi().instantiate(bytes, { './schema_engine_bg.js': engineGlue });
    const exports = instance.exports as { __wbindgen_start: () => void };
    engineGlue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return engineGlue;
  })();
  // A failed load should not poison every later attempt in a long-lived process.
  const ready = state.glueReady;
  ready.catch(() => {
    if (state.glueReady === ready) state.glueReady = undefined;
  });
  return ready;
}

/**
 * A migration-aware adapter factory that also remembers every connection it hands out, so the
 * caller can close them: the engine does not dispose its connections when it is freed.
 */
export interface TrackedAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Disposes every connection opened through this factory (main and shadow). */
  disposeAll(): Promise<void>;
}

/**
 * A throwaway in-memory SQLite database, for engine operations that touch no real database
 * (diffs between the migrations folder and the schema replay the migrations on a shadow one).
 */
export const SCRATCH_SQLITE_URL = 'file::memory:';

/**
 * The migration-aware adapter factory for a database URL: SQLite `file:` URLs, or PostgreSQL
 * `postgresql://` URLs (shadow databases are created on the same server, see
 * postgres-migration-adapter.ts).
 */
export function migrationAdapterFor(url: string): TrackedAdapterFactory {
  if (url === SCRATCH_SQLITE_URL) {
    // Not sqliteAdapter(): it would resolve ":memory:" as a file name in the working directory.
    const scratch = new PrismaBetterSqlite3({ url: ':memory:' }, { timestampFormat: 'unixepoch-ms' });
    return tracked(withSqliteScriptFallback(scratch));
  }
  if (url.startsWith('file:')) return tracked(withSqliteScriptFallback(sqliteAdapter(url)));
  if (isPostgresUrl(url)) return tracked(postgresMigrationFactory(url));
  throw new Error(`unsupported database URL for migrations: ${url.split(':')[0]}:…`);
}

/** Options for {@link openSchemaEngine}. */
export interface OpenSchemaEngineOptions {
  /** The database to work on. */
  url: string;
  /** Prisma schema files as [path, content]; needed by operations that read the datamodel. */
  datamodels?: [string, string][];
  log?: EngineLog;
}

/** A schema engine bound to one database, plus the means to release its connections. */
export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its database connections. Safe to call twice. */
  close(): Promise<void>;
}

/** Creates a schema engine for the database at `url`. Always `close()` it when done. */
export async function openSchemaEngine(opts: OpenSchemaEngineOptions): Promise<OpenSchemaEngine> {
  // One engine at a time per process: the WebAssembly instance is shared, and two engines
  // working concurrently in it corrupt each other's memory (seen as invalid UTF-8 panics).
  const previous = state.turn;
  let release!: () => void;
  state.turn = new Promise<void>((resolve) => (release = resolve));
  await previous;
  let factory: TrackedAdapterFactory | undefined;
  try {
    const glue = await loadSchemaEngineWasm();
    factory = migrationAdapterFor(opts.url);
    const log = opts.log ?? (() => {});
    const engine = await glue.SchemaEngine.new(
      { datamodels: opts.datamodels },
      (line: string) => log(line),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    const opened = factory;
    let closed = false;
    return {
      engine,
      async close() {
        if (closed) return;
        closed = true;
        try {
          engine.free();
          await opened.disposeAll();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    await factory?.disposeAll();
    release();
    throw error;
  }
}

// ───────────────────────────── adapter wrappers ─────────────────────────────

/** better-sqlite3's message when `prepare()` is handed more than one statement. */
const MULTI_STATEMENT = /more than one statement/i;

function isMultiStatementError(error: unknown): boolean {
  return error instanceof RangeError && MULTI_STATEMENT.test(error.message);
}

/**
 * Wraps a SQLite adapter factory so that a parameterless multi-statement `executeRaw` runs as a
 * script. Why: to diff against the migrations folder the engine replays every migration.sql on
 * a shadow database through `executeRaw`, and better-sqlite3's `prepare()` refuses more than one
 * statement (the engine then reports P3006). We only reroute when better-sqlite3 actually says
 * so; every other query and error passes through untouched.
 */
export function withSqliteScriptFallback(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => scriptFallbackAdapter(await factory.connect()),
    connectToShadowDb: async () => scriptFallbackAdapter(await factory.connectToShadowDb()),
  };
}

function scriptFallbackAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // Transactions share the adapter's connection, so running the script on the adapter is
  // running it inside the transaction.
  const executeRaw = async (inner: (q: SqlQuery) => Promise<number>, query: SqlQuery): Promise<number> => {
    try {
      return await inner(query);
    } catch (error) {
      if (query.args.length > 0 || !isMultiStatementError(error)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  const wrapped: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => executeRaw((q) => adapter.executeRaw(q), query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: async (isolationLevel) => {
      const tx = await adapter.startTransaction(isolationLevel);
      return wrapTransaction(tx, (query) => executeRaw((q) => tx.executeRaw(q), query));
    },
    dispose: () => adapter.dispose(),
  };
  if (adapter.getConnectionInfo) wrapped.getConnectionInfo = () => adapter.getConnectionInfo!();
  return wrapped;
}

function wrapTransaction(tx: Transaction, executeRaw: (query: SqlQuery) => Promise<number>): Transaction {
  // Delegate through a prototype link so optional members (savepoints) keep working unchanged.
  const wrapped = Object.create(tx) as Transaction;
  Object.defineProperty(wrapped, 'executeRaw', { value: executeRaw });
  for (const name of ['queryRaw', 'commit', 'rollback', 'createSavepoint', 'rollbackToSavepoint', 'releaseSavepoint'] as const) {
    const member = tx[name];
    if (typeof member === 'function') Object.defineProperty(wrapped, name, { value: member.bind(tx) });
  }
  return wrapped;
}

/** Remembers each connection a factory opens so they can all be disposed together. */
function tracked(factory: SqlMigrationAwareDriverAdapterFactory): TrackedAdapterFactory {
  const open = new Set<SqlDriverAdapter>();
  const remember = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!open.delete(adapter)) return;
      await dispose();
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
    async disposeAll() {
      const all = [...open];
      await Promise.allSettled(all.map((adapter) => adapter.dispose()));
    },
  };
}
