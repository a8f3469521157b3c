import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMENT_PROMPT_FILE, loadSystemPrompt, SYSTEM_PROMPT_FILE } from '../../../../src/nl/agent/prompt.ts';

const values = { language: 'English', today: '2026-11-20', platforms: 'amazon-us, shopify', user: 'Bob Li (staff)' };

describe('prompts from prompts/', () => {
  it('fills every placeholder of the agent’s prompts', () => {
    for (const file of [SYSTEM_PROMPT_FILE, COMMENT_PROMPT_FILE]) {
      const text = loadSystemPrompt(file)(values);
      expect(text, file).not.toMatch(/\{\{\w+\}\}/);
      expect(text, file).toContain('<data>');
    }
    const system = loadSystemPrompt(SYSTEM_PROMPT_FILE)(values);
    expect(system).toContain('platform codes amazon-us, shopify');
    expect(system).toContain('Today is 2026-11-20. The user is Bob Li (staff).');
  });

  it('refuses a template with a placeholder it cannot fill', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompt-'));
    try {
      const file = join(dir, 'bad.md');
      writeFileSync(file, 'Hello {{name}}');
      expect(() => loadSystemPrompt(file)).toThrow('unknown placeholder {{name}}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
