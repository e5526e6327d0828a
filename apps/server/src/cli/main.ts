const usage = `用法：npx fazhi <命令>
  serve                     启动服务（npm start 即此命令）
  seed-demo                 向空数据库导入演示数据
  backup <文件>             备份全部数据
  restore <文件>            从备份恢复（会清空当前数据）
  audit verify              校验审计日志的 SM3 防篡改链，报告第一处断点
  bench [名称…]             运行性能基准测试（需要 PostgreSQL）
  extract <文件> [--json]   识别报告（.txt/.docx/.html）中的全部数字及其指标
  report <单位> <年度> -o <文件.docx>  生成该单位该年度的法治政府建设年度报告
  new-key                   生成一个新的个人信息数据密钥（64 位十六进制数）
  rotate-key                轮换数据密钥：在一个事务内重新加密全部个人信息并重建盲索引（须先停止服务）

环境变量：PORT（默认 3000）、FAZHI_DATA_DIR（默认 ./data）、DATABASE_URL（设置后使用 PostgreSQL）、
  FAZHI_DATA_KEY / FAZHI_DATA_KEY_FILE（个人信息数据密钥；嵌入式数据库默认使用数据目录旁的 <目录>.key）、
  FAZHI_NEW_DATA_KEY（rotate-key 的新密钥）、FAZHI_WORKERS（PostgreSQL 下的服务进程数）、
  FAZHI_READ_DATABASE_URL（只读备库：驾驶舱、大屏、报告预览从备库读取并标明“数据截至”）、
  FAZHI_READ_MAX_LAG_S（备库数据落后超过该秒数时改读主库，默认 10）`;

const [command, ...args] = process.argv.slice(2);
// Each command's code is loaded when it runs: `serve` does not evaluate the benchmarks', the report writer's or the
// extractor's modules and libraries (the compiled bundle splits them into chunks, scripts/build-server.mjs).
const commands: Record<string, (args: string[]) => Promise<void>> = {
  serve: async () => (await import('./serve.ts')).serveCommand(),
  'seed-demo': async () => (await import('./seed-demo.ts')).seedDemoCommand(),
  backup: async (a) => (await import('./backup.ts')).backupCommand(a),
  restore: async (a) => (await import('./backup.ts')).restoreCommand(a),
  audit: async (a) => (await import('./audit.ts')).auditCommand(a),
  bench: async (a) => (await import('../bench/index.ts')).benchCommand(a),
  extract: async (a) => (await import('../reports/reports.cli-extract.service.ts')).extractCommand(a),
  report: async (a) => (await import('../reports/reports.cli-report.service.ts')).reportCommand(a),
  'new-key': async () => (await import('./rotate-key.ts')).newKeyCommand(),
  'rotate-key': async () => (await import('./rotate-key.ts')).rotateKeyCommand(),
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

export {}; // an ES module (top-level await) though it imports nothing statically
