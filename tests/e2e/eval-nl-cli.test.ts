/** `npm run eval:nl` prints both halves of the evaluation: the offline router and the model path. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../helpers/child-env.ts';

const repo = join(import.meta.dirname, '..', '..');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'eval:nl', '--', ...args], { cwd: repo, env: childEnv({ LOG_LEVEL: 'warn' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The "all" line of a score table: [n, tool %, args %]. */
function allLine(stdout: string, table: string): number[] {
  const block = stdout.slice(stdout.indexOf(table));
  const m = /\n\s+all\s+(\d+)\s+([\d.]+) %\s+([\d.]+) %/.exec(block);
  expect(m, `no "all" line under ${table}`).not.toBeNull();
  return m!.slice(1).map(Number);
}

describe('npm run eval:nl', () => {
  it('scores the router and the model path (against the scripted loopback model) on every labelled question', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [n, routerTool, routerArgs] = allLine(stdout, 'offline router');
    expect(n).toBeGreaterThanOrEqual(200);
    expect(routerTool).toBeGreaterThanOrEqual(95);
    expect(routerArgs).toBeGreaterThanOrEqual(90);
    const [m, modelTool, modelArgs] = allLine(stdout, 'model path (fake)');
    expect(m).toBe(n);
    expect(modelTool).toBeGreaterThanOrEqual(95);
    expect(modelArgs).toBeGreaterThanOrEqual(90);
    expect(stdout).toMatch(/per question: [\d.]+ model calls, \d+ prompt tokens, \d+ completion tokens on average; 0 fell back to the router/);
  }, 240_000);

  it('explains a --model-url without a value', async () => {
    const { code, stderr } = await run(['--model-url']);
    expect(code).toBe(1);
    expect(stderr).toContain('--model-url needs a base URL');
  });
});
