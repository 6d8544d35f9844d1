import type { Args } from '../args.js';
import { seedDemo } from '../../server/seed/demo-seed.js';
import { configOrExit, withDeps } from '../runtime.js';

export async function seed(args: Args): Promise<number> {
  const config = configOrExit();
  if (!args.flags.demo) {
    console.error('用法 / usage: onestop seed --demo   （写入演示城市政务服务中心 / seed the demo city center）');
    return 2;
  }
  return withDeps(config, async (deps) => {
    const started = Date.now();
    const r = await seedDemo(deps, (m) => console.log(`  ${m}`));
    if (!r) {
      console.log('数据库不为空，未写入演示数据 / the database is not empty; demo data not written');
      return 1;
    }
    console.log(
      `演示数据已写入 / demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${r.centers} centers, ${r.departments} departments, ${r.windows} windows, ${r.users} users, ${r.items} items`,
    );
    return 0;
  });
}
