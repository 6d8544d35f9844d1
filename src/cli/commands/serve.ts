import type { Args } from '../args.js';
import { serve } from '../../server/main.js';
import { seedDemo } from '../../server/seed/demo-seed.js';
import { configOrExit } from '../runtime.js';

/** Starts the server; with --demo (or ONESTOP_DEMO=1) an empty database first gets the demo city center. */
export async function serveCommand(args: Args): Promise<void> {
  const config = configOrExit();
  if (args.flags.demo) config.demo = true;
  await serve(config, {
    seedDemo: config.demo
      ? async (deps) => {
          const r = await seedDemo(deps);
          if (r) console.log(`一站通：已写入演示数据 / demo data seeded: ${r.items} items, ${r.departments} departments, ${r.users} users (password Demo@2026)`);
        }
      : undefined,
  });
  console.log(`一站通 OneStop: http://localhost:${config.port}  (API docs: /api/docs)`);
}
