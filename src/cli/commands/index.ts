import type { Args } from '../args.js';
import { exportCommand, importCommand } from './catalogue.js';
import { doctor } from './doctor.js';
import { migrate } from './migrate.js';
import { seed } from './seed.js';
import { serveCommand } from './serve.js';
import { verifyAudit } from './verify-audit.js';

export type Command = (args: Args) => Promise<number | void>;

export const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate,
  seed,
  'verify-audit': verifyAudit,
  doctor,
  'export-catalogue': exportCommand,
  'import-catalogue': importCommand,
};
