/**
 * Bundle runs (一件事 applications): the parent of a bundle's child cases, run stage by stage.
 * Frozen in time like 0001: imports nothing from the app.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
