/**
 * The online hall (网上办事大厅, DESIGN §9): applicant accounts with their real-name identity,
 * SMS verification codes, enterprise agents (代办人), application drafts and their uploads, the
 * online application of a case (form data, pre-review due date), the materials of a case,
 * evaluations (好差评), consultations (网上咨询) and complaints (投诉). Frozen in time like 0001:
 * imports nothing from the app. Conventions as 0001.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // one row per applicant account; the identity is unique so the message box's `id:` / `uscc:`
  // keys reach exactly one account
  await db.schema
    .createTable('hall_accounts')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('identity_kind', 'text') // null until the real name is given: 'person' | 'enterprise'
    .addColumn('real_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('id_number', 'text', (c) => c.unique())
    .addColumn('uscc', 'text', (c) => c.unique())
    .addColumn('legal_rep', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('identity_at', 'text')
    .addColumn('mobile_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // SMS verification codes: only a keyed hash is kept; tries counted; rate limits count rows
  await db.schema
    .createTable('hall_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull()) // 'register' | 'resetPassword'
    .addColumn('target', 'text', (c) => c.notNull()) // the mobile number
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_codes_target').on('hall_codes').columns(['target', 'created_at']).execute();
  await db.schema.createIndex('hall_codes_ip').on('hall_codes').columns(['ip', 'created_at']).execute();

  // an enterprise account authorises another applicant account to act for it
  await db.schema
    .createTable('hall_agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('principal_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agent_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // 'active' | 'revoked'
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hall_agents_pair', ['principal_user_id', 'agent_user_id'])
    .execute();
  await db.schema.createIndex('hall_agents_agent').on('hall_agents').column('agent_user_id').execute();

  // a draft application, kept on the server as the applicant types
  await db.schema
    .createTable('hall_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id')) // who writes it
    .addColumn('principal_user_id', 'text', (c) => c.notNull().references('users.id')) // whose application
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('form_data', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.unique().references('cases.id')) // set once submitted
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_drafts_user').on('hall_drafts').columns(['user_id', 'updated_at']).execute();

  await db.schema
    .createTable('hall_draft_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('hall_drafts.id').onDelete('cascade'))
    .addColumn('material_code', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_draft_materials_draft').on('hall_draft_materials').column('draft_id').execute();

  // the online application of a case: one per draft (a second submit finds it), its form data
  // and the pre-review (网上预审) due date the timers will watch
  await db.schema
    .createTable('online_applications')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('draft_id', 'text', (c) => c.notNull().unique().references('hall_drafts.id'))
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('form_data', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('prereview_due', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('online_applications_due').on('online_applications').column('prereview_due').execute();

  // the files of a case, material by material: 'pending' (uploaded for a supplement, not yet
  // handed in), 'submitted', 'replaced' (a supplement brought a new one)
  await db.schema
    .createTable('case_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('material_code', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_materials_case').on('case_materials').columns(['case_id', 'material_code']).execute();

  // 好差评 (DESIGN §6): one per case and occasion, for the evaluation module
  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('occasion', 'text', (c) => c.notNull()) // 'acceptance' | 'conclusion'
    .addColumn('channel', 'text', (c) => c.notNull()) // 'online' | 'window' | 'sms'
    .addColumn('level', 'text', (c) => c.notNull()) // verySatisfied … veryDissatisfied
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rater_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evaluations_case_occasion', ['case_id', 'occasion'])
    .execute();
  await db.schema.createIndex('evaluations_dept').on('evaluations').columns(['department_id', 'created_at']).execute();

  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('asker_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'open' | 'answered'
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_item').on('consultations').columns(['item_id', 'public']).execute();
  await db.schema.createIndex('consultations_dept').on('consultations').columns(['department_id', 'status']).execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('subject', 'text', (c) => c.notNull()) // 'case' | 'window' | 'staff'
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('staff_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('complainant_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'received' (the supervision module moves it on)
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_center').on('complaints').columns(['center_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'complaints', 'consultations', 'evaluations', 'case_materials', 'online_applications', 'hall_draft_materials', 'hall_drafts',
    'hall_agents', 'hall_codes', 'hall_accounts',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
