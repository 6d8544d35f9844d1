/**
 * Joint review meetings (联审会): schedule, attendance, minutes, decisions.
 * Frozen in time like 0001: imports nothing from the app.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
