/** Opens config and database for a CLI command and closes them afterwards. */
import { LogSmsProvider } from '../server/services/notifications/sms.js';
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { openDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { systemClock, type Deps } from '../server/services/context.js';
import { LocalFileStorage } from '../server/storage/file-storage.js';

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

export async function withDeps<T>(config: Config, fn: (deps: Deps) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const db = openDb({ url: config.databaseUrl, sqliteFile: config.sqliteFile });
  try {
    if (opts.migrate !== false) await migrateToLatest(db.kysely, db.schema);
    const deps: Deps = { db, clock: systemClock, config, files: new LocalFileStorage(path.join(config.dataDir, 'files')), sms: new LogSmsProvider((obj, msg) => console.log(msg, JSON.stringify(obj))) };
    return await fn(deps);
  } finally {
    await db.close();
  }
}
