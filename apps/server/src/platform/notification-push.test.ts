import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';

import { queryRows } from '../db/client.ts';
import { runDueJobs, scheduledJobs } from '../scheduled-work.ts';
import { dingtalkRobot, httpSmsProvider, wecomRobot } from './platform.notification-channels.service.ts';
import { deliverPendingPushes, maxAttempts } from './platform.notification-push.service.ts';

// Each channel against a local receiver that checks the real webhook format (企业微信/政务微信 and 钉钉/浙政钉 group
// robots, a generic HTTP JSON SMS gateway) and answers as the provider does.

type Received = { path: string; query: URLSearchParams; headers: IncomingMessage['headers']; body: unknown };
type Receiver = { url: string; received: Received[]; answer: (r: Received) => [number, unknown]; close: () => void };

async function receiver(answer: Receiver['answer']): Promise<Receiver> {
  const received: Received[] = [];
  const state = { answer };
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const r = { path: u.pathname, query: u.searchParams, headers: req.headers, body: JSON.parse(data) };
      received.push(r);
      const [status, reply] = state.answer(r);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get answer() {
      return state.answer;
    },
    set answer(a) {
      state.answer = a;
    },
    close: () => server.close(),
  };
}

const textBody = (r: Received) => {
  const b = r.body as { msgtype?: unknown; text?: { content?: unknown } };
  return b.msgtype === 'text' && typeof b.text?.content === 'string' && Object.keys(b).length === 2;
};
const now = new Date('2026-11-23T02:00:00Z');

describe('channels against local receivers', () => {
  it('企业微信/政务微信 robot: POST {msgtype:"text", text:{content}} to the webhook; errcode 0 is sent', async () => {
    const rx = await receiver((r) => (textBody(r) ? [200, { errcode: 0, errmsg: 'ok' }] : [200, { errcode: 40008 }]));
    try {
      const key = 'wecom-key-0f3a';
      const result = await wecomRobot(`${rx.url}/cgi-bin/webhook/send?key=${key}`).send('【测试】内容', now);
      expect(result).toEqual({ ok: true });
      expect(rx.received).toHaveLength(1);
      expect(rx.received[0]!.path).toBe('/cgi-bin/webhook/send');
      expect(rx.received[0]!.query.get('key')).toBe(key);
      expect(rx.received[0]!.body).toEqual({ msgtype: 'text', text: { content: '【测试】内容' } });
      expect(rx.received[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
      // A wrong key is answered with an errcode: not retryable, and the key is not in the error.
      rx.answer = () => [200, { errcode: 93000, errmsg: 'invalid webhook url' }];
      const bad = await wecomRobot(`${rx.url}/cgi-bin/webhook/send?key=${key}`).send('x', now);
      expect(bad).toEqual({ ok: false, error: 'errcode 93000：invalid webhook url', retryable: false });
    } finally {
      rx.close();
    }
  });

  it('钉钉/浙政钉 robot with 加签: timestamp and HMAC-SHA256 sign in the URL, checked by the receiver', async () => {
    const secret = 'SECdingtalk0123456789';
    const rx = await receiver((r) => {
      const timestamp = r.query.get('timestamp')!;
      const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
      // URLSearchParams decodes the url-encoded sign once, as DingTalk does.
      if (r.query.get('sign') !== expected) return [200, { errcode: 310000, errmsg: 'sign not match' }];
      return textBody(r) ? [200, { errcode: 0, errmsg: 'ok' }] : [200, { errcode: 40035 }];
    });
    try {
      const robot = dingtalkRobot(`${rx.url}/robot/send?access_token=tok`, secret);
      expect(await robot.send('【任务销号已通过】内容', now)).toEqual({ ok: true });
      const r = rx.received[0]!;
      expect(r.query.get('access_token')).toBe('tok');
      expect(r.query.get('timestamp')).toBe(String(now.getTime()));
      expect(r.body).toEqual({ msgtype: 'text', text: { content: '【任务销号已通过】内容' } });
      const wrong = dingtalkRobot(`${rx.url}/robot/send?access_token=tok`, 'SECwrong');
      expect(await wrong.send('x', now)).toEqual({
        ok: false,
        error: 'errcode 310000：sign not match',
        retryable: false,
      });
    } finally {
      rx.close();
    }
  });

  it('SMS provider: POST {phones, content} with the bearer token; code 0 is sent, a 5xx is retried', async () => {
    const rx = await receiver((r) =>
      r.headers.authorization === 'Bearer sms-token' ? [200, { code: 0 }] : [401, { code: 401 }],
    );
    try {
      const sms = httpSmsProvider(`${rx.url}/sms/send`, 'sms-token', ['13800000000']);
      expect(await sms.send('【报告被退回修改】内容', now)).toEqual({ ok: true });
      expect(rx.received[0]!.body).toEqual({ phones: ['13800000000'], content: '【报告被退回修改】内容' });
      rx.answer = () => [503, { code: 503 }];
      expect(await sms.send('x', now)).toEqual({ ok: false, error: 'HTTP 503', retryable: true });
      rx.answer = (r) => (r.headers.authorization === 'Bearer sms-token' ? [200, { code: 0 }] : [401, { code: 401 }]);
      expect(await httpSmsProvider(`${rx.url}/sms/send`, 'bad', ['1']).send('x', now)).toEqual({
        ok: false,
        error: 'HTTP 401',
        retryable: false,
      });
    } finally {
      rx.close();
    }
  });
});

describe('pushes of business events: queued in the transaction, delivered by the scheduled work, logged', () => {
  let t: TestApp;
  let office: Client;
  let sfj: number;
  let scj: number;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.as('office');
    const orgs = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
    sfj = orgs.find((o) => o.name === '区司法局')!.id;
    scj = orgs.find((o) => o.name === '区市场监督管理局')!.id;
  });
  afterAll(() => t?.close());

  const deliveries = () =>
    queryRows<{ channel_id: number; status: string; attempts: number; last_error: string | null; log: unknown[] }>(
      t.db,
      sql`select channel_id, status, attempts, last_error, log from notification_deliveries order by id`,
    );

  it('a problem assigned to 区司法局 reaches its robot once; a failing robot is retried, then logged as failed', async () => {
    const good = await receiver(() => [200, { errcode: 0, errmsg: 'ok' }]);
    const bad = await receiver(() => [502, { errcode: -1 }]);
    try {
      const key = 'secret-key-7781';
      const [goodChannel] = await queryRows<{ id: number }>(
        t.db,
        sql`insert into notification_channels (org_id, type, name, url) values
              (${sfj}, 'wecom', '司法局工作群', ${`${good.url}/cgi-bin/webhook/send?key=${key}`}) returning id`,
      );
      const [badChannel] = await queryRows<{ id: number }>(
        t.db,
        sql`insert into notification_channels (org_id, type, name, url, secret) values
              (${sfj}, 'dingtalk', '司法局钉钉群', ${`${bad.url}/robot/send?access_token=${key}`}, 'SECabc') returning id`,
      );
      // Another unit's robot hears nothing of 区司法局's problem.
      await t.db.execute(sql`insert into notification_channels (org_id, type, name, url) values
              (${scj}, 'wecom', '市场监管局工作群', ${`${good.url}/other`})`);

      const res = await office.post('/api/oversight/problems', {
        title: '执法案卷归档滞后',
        description: '督察发现',
        unitIds: [sfj],
        deadline: null,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((await deliveries()).map((d) => [d.channel_id, d.status])).toEqual([
        [goodChannel!.id, 'pending'],
        [badChannel!.id, 'pending'],
      ]);

      // The scheduled work sends what is due: once, however many processes run it. A push is queued on the
      // database's clock, so this part runs on the real one.
      const start = new Date(Date.now() + 1000);
      const push = scheduledJobs.filter((j) => j.name === 'push');
      const [outcome] = await runDueJobs(t.db, start, 'test', push);
      expect(outcome!.ran).toBe(true);
      expect(good.received.map((r) => [r.path, r.body])).toEqual([
        [
          '/cgi-bin/webhook/send',
          {
            msgtype: 'text',
            text: { content: '【督察问题交办】问题“执法案卷归档滞后”已交办本单位整改，请认领并完善“四个一”' },
          },
        ],
      ]);
      expect(bad.received).toHaveLength(1);
      let [sent, failing] = await deliveries();
      expect([sent!.status, sent!.attempts]).toEqual(['sent', 1]);
      expect([failing!.status, failing!.attempts, failing!.last_error]).toEqual(['pending', 1, 'HTTP 502']);

      // Not due again before its backoff: nothing is sent.
      expect(await deliverPendingPushes(t.db, new Date(start.getTime() + 30_000))).toEqual({
        sent: 0,
        failed: 0,
        retrying: 0,
      });
      // Each retry after its backoff, until the last attempt is logged as failed.
      let at = start.getTime();
      for (let i = 2; i <= maxAttempts; i++) {
        at += 3 * 3600_000;
        await deliverPendingPushes(t.db, new Date(at));
      }
      [sent, failing] = await deliveries();
      expect(bad.received).toHaveLength(maxAttempts);
      expect(good.received).toHaveLength(1);
      expect([failing!.status, failing!.attempts, failing!.log.length]).toEqual(['failed', maxAttempts, maxAttempts]);
      expect(await deliverPendingPushes(t.db, new Date(at + 24 * 3600_000))).toEqual({
        sent: 0,
        failed: 0,
        retrying: 0,
      });
      // The delivery log never holds a credential.
      const logged = JSON.stringify(await deliveries());
      expect(logged).not.toContain(key);
      expect(logged).not.toContain('SECabc');
    } finally {
      good.close();
      bad.close();
    }
  });

  it('a user who turned a kind off gets no bell notice of it; others still do', async () => {
    const [reporter] = await queryRows<{ id: number }>(t.db, sql`select id from users where username = 'reporter-a'`);
    await t.db.execute(
      sql`insert into notification_preferences (user_id, kind, in_app) values (${reporter!.id}, 'problem.assigned', false)`,
    );
    const res = await office.post('/api/oversight/problems', {
      title: '行政复议答复超期',
      description: '督察发现',
      unitIds: [sfj],
      deadline: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const told = await queryRows<{ username: string }>(
      t.db,
      sql`select u.username from notifications n join users u on u.id = n.user_id
          where n.body like '%行政复议答复超期%' order by u.username`,
    );
    const expected = await queryRows<{ username: string }>(
      t.db,
      sql`select username from users where is_active and org_id = ${sfj} and role in ('reporter', 'unit_leader')
            and username <> 'reporter-a' order by username`,
    );
    expect(told).toEqual(expected);
  });

  it("routes: a user keeps per-kind preferences; the office configures a unit's robot and reads the delivery log", async () => {
    const reporter = await t.as('reporter-a');
    const prefs = (await reporter.get('/api/notifications/preferences')).json().items as {
      kind: string;
      label: string;
      inApp: boolean;
    }[];
    expect(prefs.find((p) => p.kind === 'task.issued')).toEqual({
      kind: 'task.issued',
      label: '任务下达',
      inApp: true,
    });
    const saved = await reporter.put('/api/notifications/preferences', {
      items: [{ kind: 'task.issued', inApp: false }],
    });
    expect(saved.json()).toEqual({ ok: true });
    const after = (await reporter.get('/api/notifications/preferences')).json().items as {
      kind: string;
      inApp: boolean;
    }[];
    expect(after.filter((p) => !p.inApp).map((p) => p.kind)).toEqual(['task.issued', 'problem.assigned']);
    expect(
      await refusal(reporter.put('/api/notifications/preferences', { items: [{ kind: 'task.nope', inApp: false }] })),
    ).toEqual([400, '请求内容有误：items.0.kind：未知的提醒类型']);

    const rx = await receiver(() => [200, { errcode: 0 }]);
    try {
      const url = `${rx.url}/cgi-bin/webhook/send?key=office-key-5521`;
      const created = await office.post('/api/notification-channels', {
        orgId: sfj,
        type: 'wecom',
        name: '司法局政务微信群',
        url,
      });
      expect(created.statusCode, created.body).toBe(200);
      const id = created.json().id as number;
      const list = (await office.get('/api/notification-channels')).json().items as { id: number; maskedUrl: string }[];
      const mine = list.find((c) => c.id === id)!;
      expect(mine).toMatchObject({
        orgId: sfj,
        type: 'wecom',
        typeLabel: '企业微信/政务微信群机器人',
        hasSecret: false,
      });
      expect(mine.maskedUrl).toBe(`${rx.url}/***`);
      expect(JSON.stringify(list)).not.toContain('office-key-5521');
      expect(await refusal(reporter.get('/api/notification-channels'))).toEqual([403, '您没有执行此操作的权限']);
      expect(
        await refusal(office.post('/api/notification-channels', { orgId: sfj, type: 'sms', name: '短信', url })),
      ).toEqual([400, '短信渠道须至少填写一个接收手机号']);
      expect(
        await refusal(
          office.post('/api/notification-channels', { orgId: sfj, type: 'wecom', name: '群', url: 'ftp://x' }),
        ),
      ).toEqual([400, '请求内容有误：url：推送地址须为 http:// 或 https:// 开头的网址']);
      const deliveries = (await office.get('/api/notification-channels/deliveries')).json().items as {
        status: string;
        statusLabel: string;
        content: string;
      }[];
      expect(deliveries.some((d) => d.status === 'failed' && d.statusLabel === '发送失败')).toBe(true);
      expect(deliveries.some((d) => d.status === 'sent' && d.content.includes('执法案卷归档滞后'))).toBe(true);
      expect(JSON.stringify(deliveries)).not.toContain('secret-key-7781');
      // The log is paged and filtered by status: newest first, the total counts the whole filtered log.
      const all = await queryRows<{ id: number; status: string }>(
        t.db,
        sql`select id, status from notification_deliveries order by id desc`,
      );
      const failedIds = all.filter((d) => d.status === 'failed').map((d) => d.id);
      expect(failedIds.length).toBeGreaterThan(0);
      const page = (await office.get('/api/notification-channels/deliveries?status=failed&pageSize=1')).json();
      expect([page.total, page.page, page.pageSize, page.items.map((d: { id: number }) => d.id)]).toEqual([
        failedIds.length,
        1,
        1,
        [failedIds[0]],
      ]);
      const second = (await office.get('/api/notification-channels/deliveries?page=2&pageSize=2')).json();
      expect([second.total, second.items.map((d: { id: number }) => d.id)]).toEqual([
        all.length,
        all.slice(2, 4).map((d) => d.id),
      ]);
      expect(await refusal(office.get('/api/notification-channels/deliveries?status=lost'))).toEqual([
        400,
        '查询参数有误：status：发送状态应为待发送、已发送或发送失败',
      ]);
      expect((await office.delete(`/api/notification-channels/${id}`)).json()).toEqual({ ok: true });
      expect(await refusal(office.delete(`/api/notification-channels/${id}`))).toEqual([
        404,
        '未找到该推送渠道，或不在您的数据范围内',
      ]);
    } finally {
      rx.close();
    }
  });
});
