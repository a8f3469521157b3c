/** Platform lookups shared by tools and the command grammar. */
import type { Db } from '../../../persistence/db.ts';
import { cachedPerDb } from './read-cache.ts';

/** A platform as tools show it. */
export interface PlatformInfo {
  id: number;
  code: string;
  name: string;
  currency: string;
  stage: 'mature' | 'growing' | 'new';
}

/** Every active platform, ordered by code; cached because it changes rarely. */
export const platformDirectory = cachedPerDb(async (db: Db): Promise<PlatformInfo[]> =>
  db.platform.findMany({
    where: { active: true },
    select: { id: true, code: true, name: true, currency: true, stage: true },
    orderBy: { code: 'asc' },
  }),
);

/** The set of platform codes, for the command grammar. */
export async function platformCodes(db: Db): Promise<Set<string>> {
  return new Set((await platformDirectory.get(db)).map((p) => p.code));
}
