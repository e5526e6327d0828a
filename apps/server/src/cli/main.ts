import { benchCommand } from '../bench/index.ts';
import { extractCommand } from '../reports/reports.cli-extract.ts';
import { reportCommand } from '../reports/reports.cli-report.ts';
import { auditCommand } from './audit.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { seedDemoCommand } from './seed-demo.ts';
import { serveCommand } from './serve.ts';

const usage = `用法：npx fazhi <命令>
  serve                     启动服务（npm start 即此命令）
  seed-demo                 向空数据库导入演示数据
  backup <文件>             备份全部数据
  restore <文件>            从备份恢复（会清空当前数据）
  audit verify              校验审计日志的 SM3 防篡改链，报告第一处断点
  bench [名称…]             运行性能基准测试（需要 PostgreSQL）
  extract <文件> [--json]   识别报告（.txt/.docx/.html）中的全部数字及其指标
  report <单位> <年度> -o <文件.docx>  生成该单位该年度的法治政府建设年度报告

环境变量：PORT（默认 3000）、FAZHI_DATA_DIR（默认 ./data）、DATABASE_URL（设置后使用 PostgreSQL）`;

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  'seed-demo': seedDemoCommand,
  backup: backupCommand,
  restore: restoreCommand,
  audit: auditCommand,
  bench: benchCommand,
  extract: extractCommand,
  report: reportCommand,
};

const run = command ? commands[command] : undefined;
if (!run) {
  console.error(usage);
  process.exit(command ? 1 : 0);
}
try {
  await run(args);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
