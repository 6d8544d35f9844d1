/**
 * Electronic supervision and evaluation (DESIGN §5–§6): cards, daily light snapshots, the case a
 * window handled last, rating occasions, rectifications, supervision orders, anomalies,
 * follow-up visits, volunteer observation reports; the hall's `evaluations` rebuilt to one
 * rating per case, occasion and channel (was: per case and occasion) with its indicator set;
 * the hall's `complaints` extended with the handling workflow. Frozen in time like 0001.
 */
import { type Kysely, sql } from 'kysely';

const EVAL_COLUMNS = ['id', 'case_id', 'center_id', 'department_id', 'window_id', 'item_id', 'occasion', 'channel', 'level', 'comment', 'rater_user_id', 'created_at'];

export async function up(db: Kysely<any>): Promise<void> {
  // ——— evaluations: one per case, occasion and channel; the indicator set (versioned) and scores ———
  await db.schema
    .createTable('evaluations_v2')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('occasion', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // 'online' | 'window' | 'sms' | 'default'
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rater_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('indicator_set', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('indicators', 'text', (c) => c.notNull().defaultTo('{}'))
    .addUniqueConstraint('evaluations_case_occasion_channel', ['case_id', 'occasion', 'channel'])
    .execute();
  const cols = sql.join(EVAL_COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into ${sql.table('evaluations_v2')} (${cols}) select ${cols} from ${sql.table('evaluations')}`.execute(db);
  await db.schema.dropTable('evaluations').execute();
  await db.schema.alterTable('evaluations_v2').renameTo('evaluations').execute();
  await db.schema.createIndex('evaluations_dept').on('evaluations').columns(['department_id', 'created_at']).execute();
  await db.schema.createIndex('evaluations_center').on('evaluations').columns(['center_id', 'created_at']).execute();

  // ——— complaints: accept → investigate → dispose → feed back → archive ———
  await db.schema.alterTable('complaints').addColumn('history', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('complaints').addColumn('disposition', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('complaints').addColumn('feedback', 'text', (c) => c.notNull().defaultTo('')).execute();

  // ——— cards (预警 / 黄牌 / 红牌) on a case, task, order, rectification or complaint ———
  await db.schema
    .createTable('cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('escalated_on', 'text')
    .addColumn('appeal', 'text') // JSON { reason, by, on }
    .addColumn('ruling', 'text') // JSON { upheld, reason, by, on }
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cards_subject').on('cards').columns(['subject_type', 'subject_id', 'created_at']).execute();
  await db.schema.createIndex('cards_center').on('cards').columns(['center_id', 'status']).execute();
  await db.schema.createIndex('cards_updated').on('cards').columns(['updated_at']).execute();

  // ——— light counts per center, department and day (written by the daily sweep) ———
  await db.schema
    .createTable('light_snapshots')
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('green', 'integer', (c) => c.notNull())
    .addColumn('warning', 'integer', (c) => c.notNull())
    .addColumn('yellow_card', 'integer', (c) => c.notNull())
    .addColumn('red_card', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('light_snapshots_pk', ['center_id', 'department_id', 'day'])
    .execute();

  // ——— the case a window acted on last (the rating screen shows it) ———
  await db.schema
    .createTable('window_current')
    .addColumn('window_id', 'text', (c) => c.primaryKey().references('windows.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  // ——— rating occasions (评价时机): opened by the case's moves, rated, defaulted or lapsed ———
  await db.schema
    .createTable('rating_occasions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('occasion', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'open' | 'rated' | 'defaulted' | 'lapsed'
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rating_occasions_case_occasion', ['case_id', 'occasion'])
    .execute();
  await db.schema.createIndex('rating_occasions_open').on('rating_occasions').columns(['center_id', 'status', 'closes_on']).execute();

  // ——— bad-review rectification (差评整改): its events folded by the domain machine ———
  await db.schema
    .createTable('rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().unique().references('evaluations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectifications_center').on('rectifications').columns(['center_id', 'status']).execute();

  // ——— supervision orders (督办单) ———
  await db.schema
    .createTable('supervision_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('anomaly_id', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('returns', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('closed_on', 'text')
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_orders_center').on('supervision_orders').columns(['center_id', 'status']).execute();

  // ——— anomalies (异常办件), found when a case concludes ———
  await db.schema
    .createTable('anomalies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'open' | 'closed'
    .addColumn('disposition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('anomalies_case_rule_seq', ['case_id', 'rule', 'seq'])
    .execute();
  await db.schema.createIndex('anomalies_center').on('anomalies').columns(['center_id', 'status']).execute();

  // ——— follow-up visits (回访): a monthly sample of concluded cases ———
  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // 'pending' | 'visited' | 'unreachable'
    .addColumn('result', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visited_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_center').on('follow_ups').columns(['center_id', 'month']).execute();

  // ——— volunteer observation reports (明察暗访) ———
  await db.schema
    .createTable('observation_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('volunteer_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'filed' | 'handled'
    .addColumn('handling', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['observation_reports', 'follow_ups', 'anomalies', 'supervision_orders', 'rectifications', 'rating_occasions', 'window_current', 'light_snapshots', 'cards']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
