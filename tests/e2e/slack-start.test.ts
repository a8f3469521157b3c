/**
 * `npm start` with Slack's HTTP variables serves Slack instead of the console: a correctly signed
 * real-format /stock WB-500 gets its answer through response_url, a forged one gets 401, and
 * SIGTERM stops it cleanly. The Slack user is linked the documented way first: an admin runs
 * /team link in the console.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeSlack } from '../fakes/slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, postSigned, slashCommandBody } from '../helpers/slack.ts';
import { childEnv } from '../helpers/child-env.ts';

const repo = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ops-e2e-slack-'));
const database = `file:${join(dir, 'ops.db')}`;

let fake: FakeSlack;
let server: ChildProcess | undefined;

/** Runs npm start to the end with `stdin` and returns its output. */
function run(stdin: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent', '--', ...args], { cwd: repo, env: childEnv({ DATABASE_URL: database, LOG_LEVEL: 'warn', ...env }), stdio: ['pipe', 'pipe', 'pipe'] });
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
  copyFileSync(inject('demoTemplate'), join(dir, 'ops.db'));
  fake = await FakeSlack.start();
});

afterAll(async () => {
  // Only if a failed test left it running.
  if (server?.pid && server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (Slack over HTTP)', () => {
  it('links a Slack user from the console as the admin', async () => {
    const { code, stdout } = await run('/team link bob slack U0BOB0001\n', ['--as', 'erin'], {});
    expect(code).toBe(0);
    expect(stdout).toContain('U0BOB0001 now acts as bob (staff)');
  });

  it('serves HTTP mode: a signed /stock WB-500 is answered through response_url, a forged one gets 401', async () => {
    const env = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.apiUrl, PORT: '0' };
    // Its own process group, so the test can stop npm and everything it started.
    server = spawn('npm', ['start', '--silent'], { cwd: repo, env: childEnv({ DATABASE_URL: database, LOG_LEVEL: 'warn', ...env }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    const port = await new Promise<number>((resolve, reject) => {
      server?.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString('utf8');
        const match = /listening on port (\d+)/.exec(stderr);
        if (match) resolve(Number(match[1]));
      });
      server?.on('close', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
    });
    expect(stderr).toContain('Slack over HTTP');
    const base = `http://127.0.0.1:${port}`;

    const body = slashCommandBody({ command: '/stock', text: 'WB-500', userId: 'U0BOB0001', responseUrl: fake.responseUrl('start') });
    expect((await postSigned(base, body)).status).toBe(200);
    const answer = await fake.nthResponse('start');
    expect(answer.body.response_type).toBe('in_channel');
    expect(answer.body.text).toContain('Stock · WB-500');

    const forged = await postSigned(base, body.replace('WB-500', 'BT-100'), { secret: 'someone-elses-secret' });
    expect(forged.status).toBe(401);

    // SIGTERM to the whole group (npm, tsx, the bot), as a process manager stops a service;
    // 'close' fires once every process holding the output pipes has ended.
    const closed = new Promise<void>((resolve) => server?.on('close', () => resolve()));
    process.kill(-(server.pid as number), 'SIGTERM');
    await closed;
    expect(stderr).toContain('Stopping Slack…');
    expect(stderr).not.toMatch(/Error|at .*:\d+:\d+/);
    expect(stderr).not.toContain(BOT_TOKEN);
    expect(stderr).not.toContain(SIGNING_SECRET);
    expect(fake.responses.filter((r) => r.id === 'start')).toHaveLength(1);
  });

  it('stops with one line per bad Slack variable', async () => {
    const { code, stderr } = await run('', [], { SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'app-token' });
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN: must be the Bot User OAuth Token, starting with xoxb-');
    expect(stderr).toContain('SLACK_APP_TOKEN: must be an app-level token starting with xapp-');
    expect(stderr).not.toMatch(/at .*:\d+:\d+/);
  });
});
