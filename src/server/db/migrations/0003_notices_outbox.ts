/**
 * Notices of cases (文书), the notification outbox and the applicants' message box. Frozen in
 * time like 0001: imports nothing from the app. Conventions as 0001.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // the applicant's account, when the case belongs to one (online hall, real-name matched)
  await db.schema.alterTable('cases').addColumn('applicant_user_id', 'text').execute();
  await db.schema.createIndex('cases_applicant_user').on('cases').column('applicant_user_id').execute();
  // public progress looks a case up by its number alone (area code + date + sequence)
  await db.schema.createIndex('cases_case_no').on('cases').column('case_no').execute();

  // written in the move's transaction; the PDF is rendered on first request, then kept (file_id)
  await db.schema
    .createTable('case_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notice_no', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull()) // the case action it belongs to
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_notices_case_seq_kind', ['case_id', 'seq', 'kind'])
    .addUniqueConstraint('case_notices_no', ['notice_no'])
    .execute();
  await db.schema.createIndex('case_notices_case').on('case_notices').column('case_id').execute();

  // one row per message to deliver on one channel; drained by the dispatcher
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull()) // 'inbox' | 'sms'
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('recipient', 'text', (c) => c.notNull()) // phone, or the inbox recipient key
    .addColumn('recipient_user_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'pending' | 'sent' | 'failed'
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('provider', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_case').on('outbox').column('case_id').execute();

  // the in-app message box: addressed to an account, or to an identity (id:…, uscc:…) an account
  // gets once its real name is verified
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('recipient_user_id', 'text')
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('messages_user').on('messages').columns(['recipient_user_id', 'created_at']).execute();
  await db.schema.createIndex('messages_key').on('messages').columns(['recipient_key', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['messages', 'outbox', 'case_notices']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.dropIndex('cases_case_no').ifExists().execute();
  await db.schema.dropIndex('cases_applicant_user').ifExists().execute();
  await db.schema.alterTable('cases').dropColumn('applicant_user_id').execute();
}
