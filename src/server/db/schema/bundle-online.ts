/** Table rows (see ../schema.ts) of migration 0013: online bundle applications. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BundleOnlineDatabase {}
