/**
 * Vitest global setup: seeds ONE demo database per test run (reference date
 * TEST_REFERENCE_DATE) and hands its path to the tests as `inject('demoTemplate')`.
 * tests/helpers/demo-db.ts copies it for each test file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemoFile } from './helpers/demo-db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the seeded demo database template; copy it, do not write to it. */
    demoTemplate: string;
  }
}

/** Seeds the template and returns the teardown that deletes it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'ops-demo-template-'));
  const file = join(dir, 'demo.db');
  await seedDemoFile(file);
  project.provide('demoTemplate', file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
