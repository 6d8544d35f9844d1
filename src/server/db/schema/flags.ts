/** Table rows (see ../schema.ts) of migration 0012. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaseFlagsDatabase {}
