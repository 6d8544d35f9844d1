/** Opens the database, migrates, optionally seeds the demo, and listens. */
import { buildApp } from './app.js';
import { type Config } from './config.js';
import { openDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

export async function serve(config: Config, opts: { seedDemo?: (deps: import('./services/context.js').Deps) => Promise<void> } = {}) {
  const db = openDb({ url: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(db.kysely, db.schema);
  const app = await buildApp({ config, db });
  if (opts.seedDemo) await opts.seedDemo(app.deps);
  const close = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  return app;
}
