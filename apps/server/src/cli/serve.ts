import { buildApp } from '../app.ts';
import { demoAssessors } from '../demo/demo-assessment.ts';
import { demoUsers } from '../demo/demo-org.ts';
import { hasData, seedDemo } from '../demo/seed-demo.ts';
import { sendLiaisonReminders } from '../grassroots/grassroots.reminders.ts';
import { sendProblemReminders } from '../oversight/oversight.reminders.ts';
import { sendTaskReminders } from '../plan/plan.reminders.ts';
import { openFromEnv } from './open.ts';

export async function serveCommand() {
  const started = performance.now();
  const database = await openFromEnv(`fazhi serve (port ${process.env.PORT ?? 3000})`);
  const now = () => new Date();
  let seeded = false;
  if (process.env.FAZHI_DEMO !== 'false' && !(await hasData(database.db))) {
    await seedDemo(database.db, now());
    seeded = true;
  }
  const app = await buildApp(
    { db: database.db, dbKind: database.kind, now },
    { logger: process.env.LOG_LEVEL !== 'silent' },
  );
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`收到 ${signal}，正在安全关闭……`);
    clearInterval(reminderTimer);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const runReminders = async () => {
    try {
      const { sent } = await sendTaskReminders(database.db, now());
      if (sent) app.log.info(`已发送 ${sent} 条任务到期提醒`);
      const problems = await sendProblemReminders(database.db, now());
      if (problems.sent) app.log.info(`已发送 ${problems.sent} 条问题整改提醒`);
      const liaison = await sendLiaisonReminders(database.db, now());
      if (liaison.sent) app.log.info(`已发送 ${liaison.sent} 条挂点联系走访提醒`);
    } catch (err) {
      app.log.error({ err }, 'reminder job failed');
    }
  };
  const reminderTimer = setInterval(runReminders, 60 * 60 * 1000);
  reminderTimer.unref();

  await app.listen({ port, host });
  void runReminders();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      `Fazhi 法治建设综合管理平台已启动：http://localhost:${port}  （数据库：${database.kind === 'pglite' ? `嵌入式 PGlite，目录 ${process.env.FAZHI_DATA_DIR || 'data'}` : 'PostgreSQL'}，用时 ${seconds} 秒）`,
      seeded
        ? `已导入演示数据。演示账号（密码均为 Fazhi@2026）：${[...demoUsers, ...demoAssessors].map((u) => u.username).join('、')}`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
