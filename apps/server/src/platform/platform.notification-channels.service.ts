import { createHmac } from 'node:crypto';

/** The push channels offices use; each speaks its provider's real webhook format. */
export type ChannelType = 'wecom' | 'dingtalk' | 'sms';

export const channelTypeLabels: Record<ChannelType, string> = {
  wecom: '企业微信/政务微信群机器人',
  dingtalk: '钉钉/浙政钉群机器人',
  sms: '短信（服务商接口）',
};

export type ChannelConfig = {
  type: ChannelType;
  url: string;
  secret: string | null;
  phones: readonly string[];
};

export type PushMessage = { title: string; body: string };

/** The text a channel sends for a notification. */
export const pushText = (m: PushMessage) => `【${m.title}】${m.body}`;

/** `retryable`: worth another attempt later (network, 5xx, rate limit); a wrong key or URL is not. */
export type DeliveryResult = { ok: true } | { ok: false; error: string; retryable: boolean };

/** One interface for every channel: send one text message, never throw, never put a credential in the error. */
export interface NotificationChannel {
  readonly type: ChannelType;
  send(text: string, now: Date): Promise<DeliveryResult>;
}

const timeoutMs = 10_000;

/** POSTs JSON and reads the JSON answer; errors name the HTTP status or the failure, never the URL. */
async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ ok: true; status: number; json: Record<string, unknown> } | { ok: false; error: string }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      if (res.ok) return { ok: false, error: `HTTP ${res.status}，应答不是 JSON` };
    }
    return { ok: true, status: res.status, json };
  } catch (e) {
    const name = (e as Error).name;
    return { ok: false, error: name === 'TimeoutError' ? '请求超时' : '无法连接推送地址' };
  }
}

/** 企业微信/政务微信 answer `{errcode, errmsg}`; 钉钉 the same. 45009/130101: rate limited, try again later. */
async function robotSend(url: string, content: string): Promise<DeliveryResult> {
  const res = await postJson(url, { msgtype: 'text', text: { content } });
  if (!res.ok) return { ok: false, error: res.error, retryable: true };
  if (res.status >= 500 || res.status === 429) return { ok: false, error: `HTTP ${res.status}`, retryable: true };
  if (res.status >= 400) return { ok: false, error: `HTTP ${res.status}`, retryable: false };
  const errcode = Number(res.json.errcode ?? Number.NaN);
  if (errcode === 0) return { ok: true };
  const errmsg = typeof res.json.errmsg === 'string' ? res.json.errmsg.slice(0, 200) : '';
  const retryable = errcode === -1 || errcode === 45009 || errcode === 130101;
  return {
    ok: false,
    error: `errcode ${Number.isNaN(errcode) ? '缺失' : errcode}${errmsg ? `：${errmsg}` : ''}`,
    retryable,
  };
}

/** 企业微信/政务微信群机器人: POST {msgtype:'text', text:{content}} to the webhook (…/cgi-bin/webhook/send?key=…). */
export function wecomRobot(url: string): NotificationChannel {
  return { type: 'wecom', send: (text) => robotSend(url, text) };
}

/**
 * 钉钉/浙政钉群机器人: the same body; with 加签 the URL carries `timestamp` (ms) and
 * `sign` = urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret))).
 */
export function dingtalkSign(secret: string, timestamp: number) {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
}

export function dingtalkRobot(url: string, secret: string | null): NotificationChannel {
  return {
    type: 'dingtalk',
    send: (text, now) => {
      const timestamp = now.getTime();
      const signed = secret
        ? `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${dingtalkSign(secret, timestamp)}`
        : url;
      return robotSend(signed, text);
    },
  };
}

/**
 * SMS through a provider adapter: a generic HTTP JSON gateway (most provinces' 短信平台 and the cloud providers'
 * relays take this form). POST {phones, content} with `Authorization: Bearer <secret>`; answer {code: 0}.
 */
export function httpSmsProvider(url: string, secret: string | null, phones: readonly string[]): NotificationChannel {
  return {
    type: 'sms',
    send: async (text) => {
      if (phones.length === 0) return { ok: false, error: '未配置接收短信的手机号', retryable: false };
      const res = await postJson(url, { phones, content: text }, secret ? { authorization: `Bearer ${secret}` } : {});
      if (!res.ok) return { ok: false, error: res.error, retryable: true };
      if (res.status >= 500 || res.status === 429) return { ok: false, error: `HTTP ${res.status}`, retryable: true };
      if (res.status >= 400) return { ok: false, error: `HTTP ${res.status}`, retryable: false };
      if (Number(res.json.code) === 0) return { ok: true };
      const message = typeof res.json.message === 'string' ? `：${res.json.message.slice(0, 200)}` : '';
      return { ok: false, error: `短信服务商返回 code ${String(res.json.code ?? '缺失')}${message}`, retryable: true };
    },
  };
}

export function channelOf(config: ChannelConfig): NotificationChannel {
  if (config.type === 'wecom') return wecomRobot(config.url);
  if (config.type === 'dingtalk') return dingtalkRobot(config.url, config.secret);
  return httpSmsProvider(config.url, config.secret, config.phones);
}

/** Shown instead of a webhook URL: scheme and host only, the key masked. */
export function maskUrl(url: string) {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/***`;
  } catch {
    return '***';
  }
}
