/** Checks configuration, database and calendar coverage, and says plainly what is wrong. */
import { sql } from 'kysely';
import { knownMigrations } from '../../server/db/migrate.js';
import { calendarCoverage } from '../../server/services/calendar/coverage.js';
import { configOrExit, withDeps } from '../runtime.js';

export async function doctor(): Promise<number> {
  const config = configOrExit();
  let problems = 0;
  const ok = (m: string) => console.log(`  ✔ ${m}`);
  const bad = (m: string) => {
    problems++;
    console.log(`  ✘ ${m}`);
  };
  console.log('一站通 OneStop doctor');
  ok(`配置有效 / configuration valid (port ${config.port}, data dir ${config.dataDir})`);
  if (!config.sessionSecret) {
    console.log('  ! 未设置 SESSION_SECRET（开发模式可以，生产环境必须设置）/ SESSION_SECRET not set (required in production)');
  }
  try {
    await withDeps(config, async (deps) => {
      await sql`select 1`.execute(deps.db.kysely);
      ok(`数据库可连接 / database reachable: ${deps.db.dialect} ${deps.db.location}`);
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(deps.db.kysely).catch(() => ({ rows: [] }));
      const pending = knownMigrations().filter((m) => !applied.rows.some((r) => r.name === m));
      if (pending.length) bad(`有未执行的迁移 / pending migrations: ${pending.join(', ')} — run \`onestop migrate\``);
      else ok(`数据库结构为最新 / schema up to date (${applied.rows.length} migrations)`);
      if (applied.rows.length === 0) return;
      const cov = await calendarCoverage(deps);
      if (cov.ok) ok(`节假日安排已覆盖未来 ${cov.horizonDays} 天及所有未到期时限 / holiday arrangements cover the next ${cov.horizonDays} days and open deadlines`);
      else bad(`${cov.message}\n    ${cov.messageEn}`);
    }, { migrate: false });
  } catch (e) {
    bad(`数据库不可用 / database unavailable: ${(e as Error).message}`);
  }
  console.log(problems ? `\n发现 ${problems} 个问题 / ${problems} problem(s) found` : '\n一切正常 / all good');
  return problems ? 1 : 0;
}
