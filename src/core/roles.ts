/** The roles of DESIGN.md §4. Unknown chat users have none, which is the least access. */
export const ROLES = ['staff', 'cs', 'marketing', 'manager', 'admin'] as const;

/** One team role. */
export type Role = (typeof ROLES)[number];

/** Roles that may see customer PII (email, phone, address) unmasked. */
export const PII_ROLES: readonly Role[] = ['cs', 'manager', 'admin'];
