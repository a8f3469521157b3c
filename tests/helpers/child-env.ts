/**
 * The environment for a child `npm start` / CLI in end-to-end tests: this process's, minus
 * anything that would point the child at a real chat workspace, model or database of the
 * developer's shell, plus the test's own variables.
 */
const OUTSIDE = /^(OPENAI_|SLACK_|DISCORD_)|^(DATABASE_URL|PORT)$/;

/** `process.env` without OPENAI_*, SLACK_*, DISCORD_*, DATABASE_URL and PORT, then `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OUTSIDE.test(key)));
  return { ...base, ...extra };
}
