/**
 * onestop serve | migrate | seed [--demo] | export-catalogue | import-catalogue | verify-audit | doctor
 */
import { parseArgs } from './args.js';
import { COMMANDS } from './commands/index.js';

const HELP = `一站通 OneStop

用法 / usage: onestop <command> [options]

  serve [--demo]               启动服务（--demo：空数据库时写入演示数据）/ start the server (seed the demo into an empty database)
  migrate                      执行数据库迁移 / run database migrations
  seed [--demo]                写入基础数据或演示数据 / seed base data or the demo city center
  export-catalogue [--center AREA_CODE] [--out FILE]   导出事项目录（JSON）/ export the catalogue as JSON
  import-catalogue FILE [--center AREA_CODE]           导入事项目录（全部成功或全部不写入）/ import (all or nothing)
  verify-audit                 校验操作日志哈希链 / verify the action log's hash chains
  doctor                       检查配置、数据库和节假日安排覆盖 / check config, database and calendar coverage

环境变量 / environment: PORT, DATABASE_URL, ONESTOP_DATA_DIR, SESSION_SECRET, ONESTOP_DEMO, LOG_LEVEL, TRUST_PROXY
`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.command === 'help' || args.flags.help) {
    console.log(HELP);
    return;
  }
  const run = COMMANDS[args.command];
  if (!run) {
    console.error(`未知命令 / unknown command: ${args.command}\n\n${HELP}`);
    process.exit(2);
  }
  const code = await run(args);
  if (typeof code === 'number' && code !== 0) process.exit(code);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
