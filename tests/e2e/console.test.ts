import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { childEnv } from '../helpers/child-env.ts';

const repo = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];

/** Runs `npm start -- …args` with `stdin` piped in, on its own copy of the demo database. */
function start(stdin: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-e2e-'));
  dirs.push(dir);
  const file = join(dir, 'ops.db');
  if (!('DATABASE_URL' in env)) copyFileSync(inject('demoTemplate'), file);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent', '--', ...args], {
      cwd: repo,
      env: childEnv({ DATABASE_URL: `file:${file}`, LOG_LEVEL: 'warn', ...env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm start (console)', () => {
  it('answers /stock WB-500 from piped input and exits 0', async () => {
    const { code, stdout, stderr } = await start('/stock WB-500\n');
    expect(stderr).not.toMatch(/Error|at .*:\d+:\d+/);
    expect(code).toBe(0);
    expect(stdout).toContain('Stock · WB-500');
    expect(stdout).toMatch(/By warehouse\n\s+Warehouse\s+On hand\s+Reserved\s+Available\s+Inbound\s+Next ETA/);
    expect(stdout).toContain('FBA-US (fba)');
    expect(stdout).toMatch(/By platform\n\s+Platform\s+Allocated\s+Sold 30 d\s+Per day\s+Cover\s+Stock-out/);
    expect(stdout).toMatch(/amazon-us\s+[\d,]+\s+[\d,]+\s+[\d.]+\s+\d+ d/);
    expect(stdout).toMatch(/\[1\] WB-500 · \S+\s+\/stock WB-500 \S+/);
  });

  it('works as carol, and keeps going through bad lines', async () => {
    const long = 'y'.repeat(5000);
    const { code, stdout } = await start(['/stock WB-500', '', '/stok', long, '\u0001\u0002', '/stock nothing-like-this', '/whoami'].join('\n') + '\n', ['--as', 'carol']);
    expect(code).toBe(0);
    expect(stdout).toContain('Stock · WB-500');
    expect(stdout).toContain('Say something');
    expect(stdout).toContain('Did you mean /stock?');
    expect(stdout).toContain('the limit is 4000');
    expect(stdout).toContain('control characters');
    expect(stdout).toContain('No SKU matches “nothing-like-this”');
    expect(stdout).toMatch(/Handle\s+carol/);
  });

  it('answers plain questions in the language they were asked in', async () => {
    const { code, stdout } = await start('速卖通上 WB-500 还剩多少？\nhow many WB-500 for amazon us\n');
    expect(code).toBe(0);
    const [zh, en] = stdout.split(/\n(?=Stock · )/);
    expect(zh).toMatch(/^库存 · WB-500 · .* · aliexpress/);
    expect(zh).toContain('按平台');
    expect(en).toMatch(/^Stock · WB-500 · .* · amazon-us/);
  });

  it('reads text that starts with a command word as a question when it is not a command', async () => {
    const lines = ['stock of BT-100 on amazon us?', 'stock WB-500 amazon-us', 'budget request amazon-us +abc'];
    const { code, stdout } = await start(lines.join('\n') + '\n', ['--json']);
    expect(code).toBe(0);
    const [question, command, badCommand] = stdout.trim().split('\n').map((l) => JSON.parse(l) as { tool: string; args: Record<string, unknown>; reply: { kind: string; summary?: string } });
    expect(question).toMatchObject({ tool: 'stock', args: { query: 'BT-100', platform: 'amazon-us' } });
    expect(question!.reply.kind).not.toBe('error');
    expect(command).toMatchObject({ tool: 'stock', args: { query: 'WB-500', platform: 'amazon-us' } });
    // A real command with a bad argument keeps its own precise error, not a guess.
    expect(badCommand).toMatchObject({ tool: 'budget-request', reply: { kind: 'error' } });
    expect(badCommand!.reply.summary).toContain('/budget request');
  });

  it('presses a button by its number', async () => {
    const { stdout } = await start('/stock WB-50O\n1\n');
    expect(stdout).toContain('No SKU matches “WB-50O”');
    expect(stdout).toMatch(/\[1\] WB-500/);
    expect(stdout).toContain('Stock · WB-500');
  });

  it('prints one JSON object per reply with --json', async () => {
    const { code, stdout } = await start('/stock WB-500 amazon-us\n/help\n', ['--json', '--as', 'bob']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { tool: string; args: unknown; reply: { kind: string } });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ tool: 'stock', args: { query: 'WB-500', platform: 'amazon-us' }, reply: { kind: 'result' } });
    expect(lines[1]).toMatchObject({ tool: 'help', args: {}, reply: { kind: 'help' } });
  });

  it('refuses an unknown --as with the list of members', async () => {
    const { code, stderr } = await start('/help\n', ['--as', 'zed']);
    expect(code).toBe(2);
    expect(stderr).toContain('--as zed: there is no such team member. Team members: alice, bob, carol, dan, erin');
  });

  it('says which variable is wrong instead of crashing', async () => {
    const { code, stderr } = await start('', [], { DATABASE_URL: 'mysql://nope' });
    expect(code).toBe(2);
    expect(stderr).toContain('DATABASE_URL: must be a SQLite file URL');
  });

  it('creates, migrates and seeds a new database file on first start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-first-'));
    dirs.push(dir);
    const { code, stdout, stderr } = await start('/stock BT-100\n', [], {
      DATABASE_URL: `file:${join(dir, 'nested', 'fresh.db')}`,
      SEED_REFERENCE_DATE: '2026-11-20',
    });
    expect(code).toBe(0);
    expect(stderr).toContain('First start: loading the demo dataset');
    expect(stdout).toContain('Stock · BT-100');
  });
});
