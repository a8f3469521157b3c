/**
 * Makes the daily stock digest (digest.ts) and queues it in the notification outbox, addressed to
 * DIGEST_CHANNEL; the Slack or Discord outbox pump posts it exactly once. Every instance sharing
 * the database schedules it at DIGEST_TIME (UTC); a lease named after the day lets one of them
 * make it, and the day's Notification row is the record that it was made, so a restart (or a
 * lease that expired) never makes a second one the same day.
 *
 * An instance that starts after the day's digest time makes the digest it finds missing (the bot
 * was down at that time, or was deployed just then); one that starts before waits for the time.
 */
import { Cron } from 'croner';
import type { Config } from '../../../config/env.ts';
import { describeError, type Logger } from '../../../logging.ts';
import type { Db } from '../../../persistence/db.ts';
import type { Tx } from '../../tool.ts';
import { INSTANCE_ID, runExclusive } from '../../../persistence/job-lease.ts';
import { formatDay } from '../../format.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { enqueueNotification } from '../notify/outbox.ts';
import { addDays, startOfUtcDay } from './cover.ts';
import { composeDigest, renderDigest } from './digest.ts';
import { readListingCovers } from './digest-source.ts';

/** Topic of the digest's Notification rows. */
export const DIGEST_TOPIC = 'stock.digest';

/** Prefix of the digest's lease names; the day is appended ("inventory:stock-digest:2026-11-26"). */
export const DIGEST_JOB = 'inventory:stock-digest';

/** How long a day's lease holds: far longer than making a digest takes, shorter than a day. */
export const DIGEST_LEASE_MS = 60 * 60_000;

/** Leases of digests older than this many days are deleted when a digest is made. */
const KEEP_LEASE_DAYS = 7;

/** How the digest is configured. */
export interface DigestSettings {
  /** Where it goes: a Slack or Discord channel id, or a name. */
  channel: string;
  /** When it is made each day, "HH:MM" in UTC. */
  time: string;
  locale: Locale;
  /** Days ahead it looks. */
  horizonDays: number;
}

/** The digest settings from a parsed configuration; null when DIGEST_CHANNEL is not set (no digest). */
export function digestSettingsFromConfig(config: Pick<Config, 'DIGEST_CHANNEL' | 'DIGEST_TIME' | 'DIGEST_LANG' | 'DIGEST_DAYS'>): DigestSettings | null {
  if (!config.DIGEST_CHANNEL) return null;
  return { channel: config.DIGEST_CHANNEL, time: config.DIGEST_TIME, locale: config.DIGEST_LANG, horizonDays: config.DIGEST_DAYS };
}

/** The lease of the digest of `day` (UTC). */
export function digestLeaseName(day: Date): string {
  return `${DIGEST_JOB}:${formatDay(day)}`;
}

/** The Notification subject of the digest of `day`: one per day, so a later one never edits an earlier one's message. */
export function digestSubject(day: Date): string {
  return `digest ${formatDay(day)}`;
}

/** The cron pattern of a daily "HH:MM" (UTC). */
export function digestCronPattern(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return `${minutes ?? 0} ${hours ?? 0} * * *`;
}

/** The moment of today's digest (UTC) for `now`. */
export function digestTimeOn(now: Date, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(startOfUtcDay(now).getTime() + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000);
}

/** What one run did. */
export type DigestRun =
  | { outcome: 'made'; day: string; total: number; shown: number; checked: number }
  | { outcome: 'already-made'; day: string }
  | { outcome: 'skipped'; day: string; heldBy: string | null };

/** Options of {@link runDailyDigest}. */
export interface DigestRunOptions {
  now: Date;
  /** Lease holder name; this process ({@link INSTANCE_ID}) by default. Tests pass two to act as two instances. */
  holder?: string;
}

/**
 * Makes the digest of `now`'s day unless another instance holds that day's lease (skipped) or it
 * was made already (already-made). The day's Notification row is checked again inside the
 * transaction that writes it.
 */
export async function runDailyDigest(db: Db, settings: DigestSettings, options: DigestRunOptions): Promise<DigestRun> {
  const { now } = options;
  const day = startOfUtcDay(now);
  const run = await runExclusive(db, digestLeaseName(day), () => makeDigest(db, settings, now), {
    holdMs: DIGEST_LEASE_MS,
    now: () => now,
    ...(options.holder ? { holder: options.holder } : {}),
  });
  return run.ran ? run.value : { outcome: 'skipped', day: formatDay(day), heldBy: run.heldBy };
}

/** Whether the digest `subject` (one day's) is in the outbox, delivered or not. */
async function digestMade(client: Db | Tx, subject: string): Promise<boolean> {
  return (await client.notification.findFirst({ where: { topic: DIGEST_TOPIC, subject }, select: { id: true } })) !== null;
}

async function makeDigest(db: Db, settings: DigestSettings, now: Date): Promise<DigestRun> {
  const day = startOfUtcDay(now);
  const subject = digestSubject(day);
  const alreadyMade = { outcome: 'already-made', day: formatDay(day) } as const;
  // Checked before the catalogue is read (cheap), and again where the row is written.
  if (await digestMade(db, subject)) return alreadyMade;

  const digest = composeDigest(await readListingCovers(db, now), { today: day, horizonDays: settings.horizonDays });
  const reply = renderDigest(digest, translator(settings.locale), settings.locale);
  const written = await db.$transaction(async (tx) => {
    if (await digestMade(tx, subject)) return false;
    await enqueueNotification(tx, now, { topic: DIGEST_TOPIC, channel: settings.channel, subject, reply });
    // Each day's lease row is kept until it has long expired, then tidied away here.
    await tx.jobLease.deleteMany({ where: { name: { startsWith: `${DIGEST_JOB}:` }, expiresAt: { lt: addDays(day, -KEEP_LEASE_DAYS) } } });
    return true;
  });
  if (!written) return alreadyMade;
  return { outcome: 'made', day: formatDay(day), total: digest.total, shown: digest.lines.length, checked: digest.checked };
}

/** Options of {@link startDigestJob}. */
export interface DigestJobOptions {
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Lease holder name (default: this process). */
  holder?: string;
}

/** The running digest schedule. */
export interface DigestJob {
  /** The daily schedule; `cron.nextRun()` says when it runs next. */
  cron: Cron;
  /** Resolves when no run is under way (the one made at start included). */
  idle(): Promise<void>;
  /** Stops the schedule (a run under way finishes; await {@link idle} for it). */
  stop(): void;
}

/**
 * Schedules the digest daily at `settings.time` UTC, and makes today's at once when that time
 * has passed and none was made yet. The timer is unreferenced and runs never overlap; failures
 * are logged, never thrown into the timer. Logs name the instance, never message content.
 */
export function startDigestJob(db: Db, logger: Logger, settings: DigestSettings, options: DigestJobOptions = {}): DigestJob {
  const clock = options.now ?? (() => new Date());
  const holder = options.holder ?? INSTANCE_ID;
  const log = logger.child({ job: 'stock-digest' });
  const running = new Set<Promise<void>>();

  const runOnce = async (): Promise<void> => {
    const run = await runDailyDigest(db, settings, { now: clock(), holder });
    if (run.outcome === 'made') log.info({ day: run.day, holder, running_out: run.total, shown: run.shown, listings: run.checked }, 'stock digest made');
    else if (run.outcome === 'skipped') log.info({ day: run.day, holder, heldBy: run.heldBy }, 'stock digest skipped: another instance holds the day’s lease');
    else log.info({ day: run.day, holder }, 'stock digest skipped: already made today');
  };
  const tracked = (): Promise<void> => {
    const p = runOnce().catch((error: unknown) => log.error({ err: describeError(error) }, 'stock digest failed'));
    running.add(p);
    void p.finally(() => running.delete(p));
    return p;
  };

  const cron = new Cron(digestCronPattern(settings.time), { timezone: 'UTC', protect: true, unref: true }, tracked);
  // Started after today's time: make the digest if no instance has (runDailyDigest checks).
  const now = clock();
  if (now.getTime() >= digestTimeOn(now, settings.time).getTime()) void tracked();

  return {
    cron,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    stop() {
      cron.stop();
    },
  };
}
