/** onestop export-catalogue / import-catalogue: the same services as the admin page, as the system. */
import fs from 'node:fs';
import { AppError } from '../../domain/errors.js';
import { exportCatalogue, importCatalogue } from '../../server/services/catalogue/index.js';
import { ImportRejectedError } from '../../server/services/catalogue/import-check.js';
import { type Deps, systemCtx } from '../../server/services/context.js';
import type { Args } from '../args.js';
import { configOrExit, withDeps } from '../runtime.js';

/** The center named by --center AREA_CODE, or the one root center. */
async function centerId(deps: Deps, areaCode: string | true | undefined): Promise<string> {
  const db = deps.db.kysely;
  if (typeof areaCode === 'string') {
    const c = await db.selectFrom('centers').select('id').where('area_code', '=', areaCode).executeTakeFirst();
    if (!c) throw new CliError(`没有区划代码为 ${areaCode} 的中心 / no center with area code ${areaCode}`);
    return c.id;
  }
  const roots = await db.selectFrom('centers').select(['id', 'area_code']).where('parent_id', 'is', null).execute();
  if (roots.length !== 1) {
    throw new CliError(`请用 --center 指定中心的区划代码 / say which center with --center AREA_CODE (${roots.map((r) => r.area_code).join(', ') || 'no centers'})`);
  }
  return roots[0].id;
}

class CliError extends Error {}

export async function exportCommand(args: Args): Promise<number> {
  const config = configOrExit();
  return run(() =>
    withDeps(config, async (deps) => {
      const data = await exportCatalogue(systemCtx(deps), await centerId(deps, args.flags.center));
      const json = JSON.stringify(data, null, 2);
      if (typeof args.flags.out === 'string') {
        fs.writeFileSync(args.flags.out, json);
        console.error(`已导出 ${data.items.length} 个事项 / exported ${data.items.length} items to ${args.flags.out}`);
      } else process.stdout.write(json + '\n');
      return 0;
    }),
  );
}

export async function importCommand(args: Args): Promise<number> {
  const config = configOrExit();
  const file = args.positional[0] ?? (typeof args.flags.file === 'string' ? args.flags.file : undefined);
  if (!file) {
    console.error('用法 / usage: onestop import-catalogue FILE [--center AREA_CODE]');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`无法读取 ${file} / cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  return run(() =>
    withDeps(config, async (deps) => {
      const r = await importCatalogue(systemCtx(deps), await centerId(deps, args.flags.center), json);
      console.log(`导入完成 / imported: ${r.rows} rows — ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.files} files`);
      return 0;
    }),
  );
}

async function run(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ImportRejectedError) {
      console.error(e.messageZh + '\n' + e.messageEn);
      for (const row of e.report) {
        for (const err of row.errors) console.error(`  第${row.index + 1}行 row ${row.index} [${row.code}] ${err.field}: ${err.message} / ${err.messageEn}`);
      }
      for (const f of e.fields ?? []) if (f.field.startsWith('files.')) console.error(`  ${f.field}: ${f.message}`);
      return 1;
    }
    if (e instanceof AppError) {
      console.error(`${e.messageZh} / ${e.messageEn}`);
      for (const f of e.fields ?? []) console.error(`  ${f.field}: ${f.message} / ${f.messageEn}`);
      return 1;
    }
    if (e instanceof CliError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}
