/**
 * Bolt's Logger interface on top of our pino logger. Bolt and the Web API client log plain
 * strings, and at debug level those include request bodies (message text, so possibly PII):
 * debug lines are dropped unless LOG_LEVEL is trace, and every line is scrubbed of emails and
 * phone numbers.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { scrubPii, type Logger } from '../../logging.ts';

function line(parts: unknown[]): string {
  return scrubPii(parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ')).slice(0, 2000);
}

/** A Bolt logger writing to `logger` as `{component: "slack"}` lines. */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  let level: LogLevel = log.isLevelEnabled('debug') ? LogLevel.DEBUG : log.isLevelEnabled('info') ? LogLevel.INFO : LogLevel.WARN;
  return {
    debug: (...msg: unknown[]) => {
      if (log.isLevelEnabled('trace')) log.trace(line(msg));
    },
    info: (...msg: unknown[]) => log.info(line(msg)),
    warn: (...msg: unknown[]) => log.warn(line(msg)),
    error: (...msg: unknown[]) => log.error(line(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
