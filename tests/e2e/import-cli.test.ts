/**
 * `npm run import` end to end, as a seller runs it, on a copy of the demo database; and the
 * console's `/import` as a manager types it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { childEnv } from '../helpers/child-env.ts';

const repo = join(import.meta.dirname, '..', '..');
/** Each test starts npm (and tsx) one to three times; give a busy machine room. */
const SLOW = 240_000;
const realdata = join(repo, '..', 'shared', 'realdata');
let dir: string;
let database: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ops-import-e2e-'));
  database = `file:${join(dir, 'ops.db')}`;
  copyFileSync(inject('demoTemplate'), join(dir, 'ops.db'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function npm(args: string[], stdin = '', env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: repo, env: childEnv({ DATABASE_URL: database, LOG_LEVEL: 'warn', ...env }), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run import', () => {
  it('imports the Shopify orders export: 19 orders, then nothing changes', async () => {
    const first = await npm(['run', '-s', 'import', '--', join(realdata, 'shopify_orders_export_devstore.csv')]);
    expect(first.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Shopify orders export → shopify: 19 new, 0 updated, 0 unchanged, 0 rows skipped.');
    expect(first.stdout).toMatch(/Orders\s+19\s+0\s+0/);

    const again = await npm(['run', '-s', 'import', '--', join(realdata, 'shopify_orders_export_devstore.csv')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 new, 0 updated, 19 unchanged');
    expect(again.stdout).toContain('Nothing changed');
  }, SLOW);

  it('reports a dry run in Chinese, as JSON too', async () => {
    const zh = await npm(['run', '-s', 'import', '--', join(realdata, 'amazon_ads_sp_campaign_report_IN_2020.csv'), '--dry-run', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('导入（试运行）');
    expect(zh.stdout).toContain('amazon-in（新建）');
    const json = await npm(['run', '-s', 'import', '--', join(realdata, 'amazon_ads_sp_campaign_report_IN_2020.csv'), '--dry-run', '--json']);
    const out = JSON.parse(json.stdout) as { report: { ok: boolean; main: { created: number }; dryRun: boolean } };
    expect(out.report).toMatchObject({ ok: true, dryRun: true, main: { created: 182 } });
  }, SLOW);

  it('refuses a bad file with exit 1, the report on stderr and no stack trace', async () => {
    const bad = await npm(['run', '-s', 'import', '--', join(realdata, 'listing_constraints.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('I do not recognise this file');
    expect(bad.stderr).toContain('Nothing was written.');
    expect(bad.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  }, SLOW);

  it('says in one line what is wrong with the arguments, exit 2', async () => {
    const missing = await npm(['run', '-s', 'import', '--', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^import: There is no file at .*nope\.csv\.\n$/);
    const usage = await npm(['run', '-s', 'import', '--', '--platform']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run import');
  }, SLOW);

  it('refuses a file over IMPORT_MAX_BYTES', async () => {
    const large = await npm(['run', '-s', 'import', '--', join(realdata, 'uci_online_retail_contiguous_10k.csv'), '--platform', 'shopify'], '', { IMPORT_MAX_BYTES: '2048' });
    expect(large.code).toBe(1);
    expect(large.stderr).toContain('the limit is 2 KB');
  }, SLOW);
});

describe('/import in the console', () => {
  it('explains how to a manager, and imports a file by path with a dry run', async () => {
    const file = join(realdata, 'amazon_ads_sp_search_term_report_US_2022.xlsx');
    const { code, stdout } = await npm(['start', '--silent', '--', '--as', 'alice'], `/import\n/import file ${file} dry-run\n`);
    expect(code).toBe(0);
    expect(stdout).toContain('Importing your data');
    expect(stdout).toContain('npm run import -- <file> [--platform <code>] [--dry-run]');
    expect(stdout).toContain('Import (dry run) · amazon_ads_sp_search_term_report_US_2022.xlsx');
    expect(stdout).toContain('Amazon Ads Sponsored Products report → amazon-us');
  }, SLOW);

  it('is not for staff', async () => {
    const { stdout } = await npm(['start', '--silent', '--', '--as', 'bob'], '/import\n');
    expect(stdout).toContain('You can’t run /import');
  }, SLOW);
});
