import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/env.ts';
import { digestCronPattern, digestSettingsFromConfig, digestTimeOn } from '../../../src/core/domain/inventory/digest-job.ts';

/** The ConfigError lines of `env`. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n');
  }
  return [];
}

describe('daily stock digest configuration', () => {
  it('is off without DIGEST_CHANNEL, and has defaults for the rest', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DIGEST_TIME: '08:00', DIGEST_LANG: 'en', DIGEST_DAYS: 14 });
    expect(config.DIGEST_CHANNEL).toBeUndefined();
    expect(digestSettingsFromConfig(config)).toBeNull();
    expect(digestSettingsFromConfig(loadConfig({ DIGEST_CHANNEL: '' }))).toBeNull();
  });

  it('reads a channel id or name, a time, a language and a horizon', () => {
    expect(digestSettingsFromConfig(loadConfig({ DIGEST_CHANNEL: 'C0123ABCD', DIGEST_TIME: '06:30', DIGEST_LANG: 'zh', DIGEST_DAYS: '21' }))).toEqual({
      channel: 'C0123ABCD',
      time: '06:30',
      locale: 'zh',
      horizonDays: 21,
    });
    expect(loadConfig({ DIGEST_CHANNEL: '123456789012345678' }).DIGEST_CHANNEL).toBe('123456789012345678');
    expect(loadConfig({ DIGEST_CHANNEL: '#stock-alerts' }).DIGEST_CHANNEL).toBe('#stock-alerts');
  });

  it('names each bad variable in one line', () => {
    expect(problems({ DIGEST_CHANNEL: 'stock alerts', DIGEST_TIME: '8am', DIGEST_LANG: 'fr', DIGEST_DAYS: '0' })).toEqual([
      'DIGEST_CHANNEL: must be a channel id such as C0123ABCD (Slack) or 123456789012345678 (Discord), or a channel name',
      'DIGEST_TIME: must be a time of day in UTC such as 08:00',
      'DIGEST_LANG: must be en or zh',
      'DIGEST_DAYS: must be at least 1',
    ]);
    expect(problems({ DIGEST_TIME: '24:00' })).toEqual(['DIGEST_TIME: must be a time of day in UTC such as 08:00']);
  });

  it('turns the time into a daily UTC schedule', () => {
    expect(digestCronPattern('08:00')).toBe('0 8 * * *');
    expect(digestCronPattern('23:05')).toBe('5 23 * * *');
    expect(digestTimeOn(new Date('2026-11-20T17:45:10Z'), '06:30')).toEqual(new Date('2026-11-20T06:30:00Z'));
  });
});
