/**
 * Customer 360 from the console, end to end: `npm start` on a copy of the seeded demo database,
 * commands piped in, as customer service (carol) and as marketing (dan).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ANCHORS } from '../../src/persistence/seed/index.ts';
import { childEnv } from '../helpers/child-env.ts';

const repo = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];

function start(stdin: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-e2e-customer-'));
  dirs.push(dir);
  const file = join(dir, 'ops.db');
  copyFileSync(inject('demoTemplate'), file);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent', '--', ...args], {
      cwd: repo,
      env: childEnv({ DATABASE_URL: `file:${file}`, LOG_LEVEL: 'info' }),
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

describe('npm start: /customer', () => {
  it('shows carol Jane’s history on three platforms in one timeline, with the evidence, and drafts a reply', async () => {
    const { code, stdout, stderr } = await start(`/customer ${DEMO_ANCHORS.customerEmail}\n1\n`, ['--as', 'carol']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Customer C-\d+ · Jane Doe/);
    expect(stdout).toMatch(/Identities per platform\n\s+Ref\s+Platform\s+Buyer id\s+Name\s+Email\s+Phone\s+Address/);
    expect(stdout).toContain(DEMO_ANCHORS.customerEmail);
    expect(stdout).toContain('(415) 555-0123');
    expect(stdout).toContain('742 Valencia');
    expect(stdout).toMatch(/Why they are linked[\s\S]*same phone \(\+1 415 555 0123\), same name and address/);
    const timeline = stdout.slice(stdout.indexOf('Orders, newest first'), stdout.indexOf('Open tickets'));
    for (const platform of DEMO_ANCHORS.customerPlatforms) expect(timeline).toContain(platform);
    expect(stdout).toMatch(/\[1\] Draft a reply to T-\d+\s+\/customer draft T-\d+/);
    // Pressing button 1 drafts the reply.
    expect(stdout).toMatch(/Reply draft for T-\d+ · Jane/);
    expect(stdout).toContain('Hi Jane,');
    // Logs (on stderr, at info) name the tool and the actor, never the customer's PII.
    expect(stderr).toContain('"tool":"customer"');
    expect(stderr).not.toContain(DEMO_ANCHORS.customerEmail);
    expect(stderr).not.toContain('555-0123');
  });

  it('gives dan the same profile, masked', async () => {
    const { code, stdout, stderr } = await start(`/customer ${DEMO_ANCHORS.customerEmail}\n/customer draft T-1\n`, ['--as', 'dan']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/Customer C-\d+ · Jane Doe/);
    expect(stdout).toContain('j***@example.com');
    expect(stdout).toContain('+1 ***-***-0123');
    expect(stdout).toContain('***, San Francisco, US');
    expect(stdout).not.toContain(DEMO_ANCHORS.customerEmail);
    expect(stdout).not.toContain('555-0123');
    expect(stdout).not.toContain('Valencia');
    expect(stdout).toContain('masked for your role (marketing)');
    expect(stdout).not.toContain('Draft a reply');
    expect(stdout).toMatch(/can’t run \/customer draft/);
  });

  it('answers bad queries clearly and keeps going', async () => {
    const { code, stdout } = await start(['/customer jane@', '/customer +1 415', "/customer ' OR 1=1 --", '/customer x', '/customer Michael Johnson'].join('\n') + '\n', ['--as', 'carol']);
    expect(code).toBe(0);
    expect(stdout).toContain('“jane@” is not a valid email address');
    expect(stdout).toContain('“+1 415” is not a complete phone number');
    expect(stdout).toContain('these characters fit none of them: =');
    expect(stdout).toContain('give at least 2 characters');
    expect(stdout).toMatch(/\[1\] C-\d+ · Michael Johnson · amazon-us · Austin\s+\/customer C-\d+/);
    expect(stdout).not.toMatch(/at .*\.ts:\d+/);
  });
});
