/** Minimal argument parsing: positional words and --flag / --key value / --key=value. */
export interface Args {
  command: string;
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[]): Args {
  const [command = 'help', ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [k, v] = a.slice(2).split('=', 2);
    if (v !== undefined) flags[k] = v;
    else if (rest[i + 1] && !rest[i + 1].startsWith('--') && VALUE_FLAGS.has(k)) flags[k] = rest[++i];
    else flags[k] = true;
  }
  return { command, positional, flags };
}

const VALUE_FLAGS = new Set(['center', 'out', 'file']);
