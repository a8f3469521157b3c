/**
 * `npm start` with OPENAI_BASE_URL pointing at a loopback OpenAI-compatible server: plain
 * questions go through the agent; when the server does not answer in time, the offline router
 * answers with a note. The fake lives in this test process; the bot is the real program.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { lastUserText, messageText, startFakeOpenAi, toolResultsOfTurn, type FakeOpenAi, type Script } from '../fakes/openai-server.ts';
import { childEnv } from '../helpers/child-env.ts';

const repo = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
let fake: FakeOpenAi | undefined;

/** Runs `npm start` with `stdin` piped in, on its own copy of the demo database, with the model at the fake. */
function start(stdin: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-e2e-nl-'));
  dirs.push(dir);
  const file = join(dir, 'ops.db');
  copyFileSync(inject('demoTemplate'), file);
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

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Reads the SKU and the platform off the question; comments in the question's language. */
const model: Script = (request) => {
  const question = lastUserText(request);
  const zh = /\p{Script=Han}/u.test(question);
  if (toolResultsOfTurn(request).length > 0) return { content: zh ? '速卖通上的库存见下表。' : 'Amazon US stock is below.' };
  const sku = /\b[A-Z]{2}-\d{3}\b/i.exec(question)?.[0]?.toUpperCase();
  const platform = /速卖通|aliexpress/i.test(question) ? 'aliexpress' : /amazon us/i.test(question) ? 'amazon-us' : undefined;
  return { toolCalls: [{ name: 'stock', arguments: { query: sku, ...(platform ? { platform } : {}) } }] };
};

describe('npm start with a model configured', () => {
  it('sends the plain questions of the issue through the agent', async () => {
    fake = await startFakeOpenAi(model);
    const { code, stdout } = await start('速卖通上 WB-500 还剩多少？\nhow many WB-500 for amazon us\n', {
      OPENAI_API_KEY: 'sk-e2e',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: 'gpt-e2e',
      NL_TIMEOUT_MS: '60000',
    });
    expect(code).toBe(0);
    expect(fake.requests).toHaveLength(4);
    expect(fake.requests[0]!.body.model).toBe('gpt-e2e');
    expect(fake.requests.map((r) => lastUserText(r.body))).toEqual(['速卖通上 WB-500 还剩多少？', '速卖通上 WB-500 还剩多少？', 'how many WB-500 for amazon us', 'how many WB-500 for amazon us']);
    expect(messageText(toolResultsOfTurn(fake.requests[1]!.body)[0]!)).toContain('"title":"库存 · WB-500');
    const [zh, en] = stdout.split(/\n(?=Stock · )/);
    expect(zh).toMatch(/^库存 · WB-500 · .* · aliexpress\n速卖通上的库存见下表。\n可用/);
    expect(en).toMatch(/^Stock · WB-500 · .* · amazon-us\nAmazon US stock is below\.\nAvailable/);
  });

  it('falls back to the offline router, with a note, when the model does not answer in time', async () => {
    fake = await startFakeOpenAi(() => ({ hang: true }));
    const { code, stdout } = await start('how many WB-500 for amazon us\n', {
      OPENAI_API_KEY: 'sk-e2e',
      OPENAI_BASE_URL: fake.baseURL,
      NL_TIMEOUT_MS: '500',
    });
    expect(code).toBe(0);
    // At most the one call that never got its answer (a busy machine may give up before sending it).
    expect(fake.requests.length).toBeLessThanOrEqual(1);
    expect(stdout).toMatch(/^Stock · WB-500 · .* · amazon-us/);
    expect(stdout).toContain('• Answered by the offline router: the language model did not reply within 0.5 s.');
  });

  it('says which model variable is wrong instead of starting', async () => {
    const { code, stderr } = await start('', { OPENAI_BASE_URL: 'not a url', NL_TIMEOUT_MS: 'soon', NL_SEND_UNMASKED_PII: 'maybe' });
    expect(code).toBe(2);
    expect(stderr).toContain('OPENAI_BASE_URL: must be an http(s) URL such as http://localhost:11434/v1');
    expect(stderr).toContain('NL_TIMEOUT_MS: must be milliseconds such as 8000');
    expect(stderr).toContain('NL_SEND_UNMASKED_PII: must be true or false');
  });
});
