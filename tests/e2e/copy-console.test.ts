/**
 * The "done when", end to end: `npm start` on a copy of the demo database, fed through
 * stdin as dan (marketing): copy variants with their checks, approving one by pressing its
 * button, and the brand audit finding the planted problems. The database is read afterwards.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { openDatabase } from '../../src/persistence/open-database.ts';
import { childEnv } from '../helpers/child-env.ts';

const repo = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ops-e2e-copy-'));
const file = join(dir, 'ops.db');

function start(stdin: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent', '--', ...args], {
      cwd: repo,
      env: childEnv({ DATABASE_URL: `file:${file}`, LOG_LEVEL: 'warn', OPENAI_API_KEY: '' }),
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
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start: copy, approve, audit', () => {
  it('shows 3 valid variants per platform and language, stores dan’s approval, and audits the listings', async () => {
    copyFileSync(inject('demoTemplate'), file);
    const { code, stdout, stderr } = await start(['/copy WB-500 black-friday amazon-us tiktok-us en zh 3', '1', '/brand audit', '/copy export amazon-us'].join('\n') + '\n', ['--as', 'dan']);
    expect(stderr).not.toMatch(/Error|at .*:\d+:\d+/);
    expect(code).toBe(0);

    expect(stdout).toContain('Copy · WB-500 · Insulated water bottle 500 ml · black-friday');
    expect(stdout).toContain('12 valid variants for amazon-us en, amazon-us zh, tiktok-us en, tiktok-us zh');
    const first = stdout.slice(0, stdout.indexOf('Approve CV-1\n'));
    for (const combo of ['amazon-us · en', 'amazon-us · zh', 'tiktok-us · en', 'tiktok-us · zh']) {
      expect(first.match(new RegExp(`CV-\\d+ · ${combo} · score \\d+`, 'g'))).toHaveLength(3);
    }
    expect(first.match(/Checks \(composer\): ✓ Title \d+ chars/g)).toHaveLength(12);
    expect(stdout).toMatch(/\[1\] Approve CV-1\s+\/copy approve CV-1/);

    // Pressing 1 approved CV-1.
    expect(stdout).toContain('CV-1 is now the approved copy of WB-500 on amazon-us (en).');
    expect(stdout).toContain('Brand audit · all platforms');
    expect(stdout).toContain('Banned claim “cures”');
    expect(stdout).toContain('Price 8.99 USD is 70% below amazon-us (29.99 USD)');
    expect(stdout).toContain('Title 236 chars (≤200)');
    expect(stdout).toContain('Says 48 h; elsewhere:');
    expect(stdout).toContain('── copy-amazon-us-en.csv (text/csv) ──');
    expect(stdout).toMatch(/item_sku,update_delete,brand_name,item_name,product_description,bullet_point1/);

    const db = await openDatabase(`file:${file}`);
    try {
      const v = await db.copyVariant.findUniqueOrThrow({ where: { id: 1 }, include: { platform: true } });
      expect(v).toMatchObject({ status: 'approved', approvedBy: 'dan', locale: 'en', platform: { code: 'amazon-us' } });
      expect(await db.copyVariant.count()).toBe(12);
      expect(await db.auditEvent.count({ where: { action: 'copy.approve', actor: 'dan', targetId: '1', via: 'console' } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});
