import type { Args } from '../args.js';
import { serve } from '../../server/main.js';
import { configOrExit } from '../runtime.js';

export async function serveCommand(args: Args): Promise<void> {
  const config = configOrExit();
  if (args.flags.demo) config.demo = true;
  await serve(config);
}
