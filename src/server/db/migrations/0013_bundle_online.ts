/**
 * Online bundle applications (一件事 in the online hall): an applicant's combined application
 * waiting for the window to accept it into a bundle run. Frozen in time like 0001: imports nothing from the app.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
