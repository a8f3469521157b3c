/**
 * A throwaway PostgreSQL server on loopback, for tests and for writing PostgreSQL migrations on
 * a machine without a running server: initdb into a temporary folder, start on a free port with
 * fsync off, and remove everything on stop. Needs PostgreSQL's binaries (initdb, pg_ctl) on PATH
 * or under /usr/lib/postgresql/<version>/bin. initdb refuses to run as root, so as root the
 * binaries run as the `postgres` user.
 *
 * A server must not outlive the process that started it: it is stopped on normal stop, on the
 * process's exit (also after a crash), and a later start reaps any whose owner was killed outright.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running throwaway server. */
export interface ThrowawayPostgres {
  /** Superuser URL of its `postgres` database, e.g. postgresql://postgres@127.0.0.1:41234/postgres. */
  url: string;
  /** Stops the server and deletes its data folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const onPath = (process.env.PATH ?? '').split(':').find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

/** Prefix of the temporary folders; each holds `data/`, the server log and `owner` (the starting pid). */
const DIR_PREFIX = 'ops-postgres-';

/** The command line that runs a PostgreSQL tool, as `postgres` when we are root (initdb refuses root). */
function toolCommand(bin: string, tool: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
}

/** Stops the server in `dir` now, synchronously (usable in an exit handler), and deletes `dir`. */
function stopSync(bin: string, dir: string): void {
  const [command, args] = toolCommand(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    // Not running (any more): nothing to stop.
  }
  rmSync(dir, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Stops and deletes throwaway servers whose starting process no longer exists (it was killed). */
function reapOrphans(bin: string): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(DIR_PREFIX))) {
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, 'owner'), 'utf8'));
    } catch {
      continue; // being set up right now, or not ours
    }
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) stopSync(bin, dir);
  }
}

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway server, or returns null (with the reason passed to `onSkip`) when
 * PostgreSQL is not installed. Failures of an installed PostgreSQL are thrown.
 */
export async function startThrowawayPostgres(onSkip?: (reason: string) => void): Promise<ThrowawayPostgres | null> {
  const bin = findPostgresBin();
  if (!bin) {
    onSkip?.('PostgreSQL is not installed (no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin)');
    return null;
  }
  reapOrphans(bin);
  const exec = (tool: string, args: string[]) => run(...toolCommand(bin, tool, args));
  const dir = await mkdtemp(join(tmpdir(), DIR_PREFIX));
  if (userInfo().uid === 0) {
    // As root: the folder (data and socket directory) must belong to `postgres`.
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const onExit = () => stopSync(bin, dir);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -k ${dir}`;
    await exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', 'start']);
    await writeFile(join(dir, 'owner'), String(process.pid));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
}
