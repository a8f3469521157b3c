/**
 * Settings of the allocation and budget tools (trial batch, approvals channel, two-approver
 * threshold, request expiry, exchange rates). Tools read them here and never touch the
 * environment. The composition root should call {@link configurePlanning} with values from
 * the parsed configuration; until it does, the first read takes them from `loadConfig()`
 * (src/config/env.ts, the one reader of the environment), so the variables work either way.
 */
import { loadConfig, type Config } from '../../../config/env.ts';

/** What the allocation and budget tools are configured with. */
export interface PlanningSettings {
  /** Units a new platform or listing gets first. */
  trialBatch: number;
  /** Channel the approval cards go to. */
  approvalsChannel: string;
  /** Changes of at least this many USD need two different approvers. */
  twoApproverThreshold: number;
  /** Hours a budget change request stays open. */
  requestTtlHours: number;
  /** Units of each currency per USD; USD itself is 1. */
  fxPerUsd: Readonly<Record<string, number>>;
}

/** The defaults, the same as the environment's. */
export const DEFAULT_PLANNING_SETTINGS: PlanningSettings = {
  trialBatch: 100,
  approvalsChannel: 'approvals',
  twoApproverThreshold: 10_000,
  requestTtlHours: 72,
  fxPerUsd: { USD: 1, EUR: 0.92, MYR: 4.45, CNY: 7.15, GBP: 0.79 },
};

let current: PlanningSettings | null = null;

/** Parses "EUR=0.92,MYR=4.45" into a rate table (USD always 1). */
export function parseFxRates(text: string): Record<string, number> {
  const rates: Record<string, number> = { USD: 1 };
  for (const pair of text.split(',')) {
    const [code, value] = pair.split('=');
    if (code && value && Number(value) > 0) rates[code.trim().toUpperCase()] = Number(value);
  }
  return rates;
}

/** The settings from a parsed configuration. */
export function planningSettingsFromConfig(config: Config): PlanningSettings {
  return {
    trialBatch: config.ALLOC_TRIAL_BATCH,
    approvalsChannel: config.BUDGET_APPROVALS_CHANNEL,
    twoApproverThreshold: config.BUDGET_TWO_APPROVER_THRESHOLD,
    requestTtlHours: config.BUDGET_REQUEST_TTL_HOURS,
    fxPerUsd: parseFxRates(config.FX_PER_USD),
  };
}

/** Sets the settings (composition root, tests); fields left out keep their defaults. */
export function configurePlanning(settings: Partial<PlanningSettings>): PlanningSettings {
  current = { ...DEFAULT_PLANNING_SETTINGS, ...settings };
  return current;
}

/** The settings in force. */
export function planningSettings(): PlanningSettings {
  current ??= planningSettingsFromConfig(loadConfig());
  return current;
}
