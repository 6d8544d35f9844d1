import { openDb } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { configOrExit } from '../runtime.js';

export async function migrate(): Promise<number> {
  const config = configOrExit();
  const db = openDb({ url: config.databaseUrl, sqliteFile: config.sqliteFile });
  try {
    const done = await migrateToLatest(db.kysely, db.schema);
    console.log(done.length ? `已执行迁移 / applied: ${done.join(', ')}` : '数据库已是最新 / database is up to date');
    return 0;
  } finally {
    await db.close();
  }
}
