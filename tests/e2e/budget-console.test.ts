/**
 * The allocation and budget flow end to end through `npm start`, on one database file across
 * three console sessions: bob asks for a split and requests the changes (and may not approve
 * them), alice approves once (a second press is refused), and bob then sees the outcome.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../helpers/child-env.ts';

const repo = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ops-e2e-budget-'));
const url = `file:${join(dir, 'ops.db')}`;
// Seeded around today, so "next month" has budgets whatever day the tests run.
const today = new Date().toISOString().slice(0, 10);
// Each session starts a Node process and opens the database: allow for a busy CI machine.
const SLOW = 300_000;
const next = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().slice(0, 7);

function console_(handle: string, stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent', '--', '--as', handle], {
      cwd: repo,
      env: childEnv({ DATABASE_URL: url, SEED_REFERENCE_DATE: today, LOG_LEVEL: 'warn' }),
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

beforeAll(async () => {
  // First start: migrate and seed the demo (the slow part), outside the tests' time limit.
  const { code, stderr } = await console_('bob', '');
  if (code !== 0) throw new Error(stderr);
}, SLOW);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('allocation and budgets in the console', () => {
  let requestId = '';

  it('bob: allocation with a trial batch, a budget split, requests by button, and no approving', async () => {
    const { code, stdout, stderr } = await console_(
      'bob',
      ['/alloc WB-500', `/budget suggest ${next} 80000`, '1', '/budget request amazon-us +2000 Black Friday push', '/budget approve BR-1'].join('\n') + '\n',
    );
    expect(stderr).not.toMatch(/Error|at .*:\d+:\d+/);
    expect(code).toBe(0);
    expect(stdout).toContain('Allocation · WB-500');
    expect(stdout).toMatch(/aliexpress \(trial\)\s+\d+\s+100\s+.*trial batch of 100/);
    expect(stdout).toMatch(/\[1\] Apply AP-\d+\s+\/alloc apply AP-\d+/);
    const suggestion = new RegExp(`Ads budget suggestion (BS-\\d+) · ${next} · \\$80,000`).exec(stdout)?.[1];
    expect(suggestion).toBeDefined();
    expect(stdout).toMatch(new RegExp(`\\[1\\] Request these changes\\s+/budget request ${suggestion}`));
    expect(stdout).toMatch(new RegExp(`Requested ${suggestion}: \\d changes`));
    const card = /Budget change (BR-\d+) · amazon-us · ads/.exec(stdout);
    expect(card).not.toBeNull();
    requestId = card?.[1] ?? '';
    expect(stdout).toContain(`Request ${requestId} is posted to #approvals for approval (1 needed).`);
    expect(stdout).toContain('You can’t run /budget approve: it needs the role manager / admin. Your roles: staff.');
  }, SLOW);

  it('alice: approves once; pressing again is refused with who and when', async () => {
    const { code, stdout } = await console_('alice', ['/budget', `/budget approve ${requestId}`, `/budget approve ${requestId}`].join('\n') + '\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`${requestId}\\s+amazon-us · ads · \\d{4}-\\d{2}\\s+\\+\\$2,000\\s+Bob Li`));
    expect(stdout).toMatch(new RegExp(`${requestId} approved by Alice Chen at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC: amazon-us · ads · \\d{4}-\\d{2} \\$17,000 → \\$19,000 \\(version 2\\)\\.`));
    expect(stdout).toMatch(new RegExp(`${requestId} was already approved by Alice Chen at .* UTC\\. Nothing changed\\.`));
  }, SLOW);

  it('bob: sees the decision', async () => {
    const { stdout } = await console_('bob', '/budget\n');
    expect(stdout).toContain('Your recent requests');
    expect(stdout).toMatch(new RegExp(`${requestId}\\s+amazon-us · ads · \\d{4}-\\d{2}\\s+\\+\\$2,000\\s+approved by Alice Chen at`));
    expect(stdout).toMatch(/amazon-us\s+ads\s+\$19,000\s+\$[\d,]+\s+\d+%\s+2/);
  }, SLOW);
});
