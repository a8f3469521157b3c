import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/env.ts';

describe('model configuration (plain-language questions)', () => {
  it('is off by default, with safe defaults', () => {
    const config = loadConfig({});
    expect(config.OPENAI_API_KEY).toBeUndefined();
    expect(config.OPENAI_BASE_URL).toBeUndefined();
    expect(config.OPENAI_MODEL).toBe('gpt-4o-mini');
    expect(config.NL_TIMEOUT_MS).toBe(8_000);
    expect(config.NL_SEND_UNMASKED_PII).toBe(false);
  });

  it('reads an OpenAI-compatible endpoint, a timeout and the PII switch', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'ollama', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'qwen2.5:7b', NL_TIMEOUT_MS: '15000', NL_SEND_UNMASKED_PII: 'true' });
    expect(config).toMatchObject({ OPENAI_API_KEY: 'ollama', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'qwen2.5:7b', NL_TIMEOUT_MS: 15_000, NL_SEND_UNMASKED_PII: true });
    expect(loadConfig({ NL_SEND_UNMASKED_PII: 'false', OPENAI_MODEL: '' }).NL_SEND_UNMASKED_PII).toBe(false);
  });

  it('names each bad variable in one line, and never echoes the key', () => {
    let message = '';
    try {
      loadConfig({ OPENAI_API_KEY: 'sk-secret', OPENAI_BASE_URL: 'ftp://example.com', NL_TIMEOUT_MS: '50', NL_SEND_UNMASKED_PII: 'yes please' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'OPENAI_BASE_URL: must be an http(s) URL such as http://localhost:11434/v1',
      'NL_TIMEOUT_MS: must be at least 100',
      'NL_SEND_UNMASKED_PII: must be true or false',
    ]);
    expect(message).not.toContain('sk-secret');
  });
});
