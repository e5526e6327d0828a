import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bomb } from '../../test/bombs.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Decompression bombs against every reader of uploaded Office files, over a real HTTP server: while each bomb is
 * uploaded, /api/health keeps answering (every probe answered, and the longest gap between answers shorter than half
 * the pause the server shows when one large legitimate document is parsed on its main thread, measured in the same
 * run: a busy machine stretches that yardstick as much as the upload, where a fixed number of milliseconds fails
 * under load; an unbounded synchronous inflate of these files froze the server for 9–58 s), the process grows by
 * less than 400 MB (unbounded, these files inflate to 300 MB–1 GB each and peaked at 2–6 GB), and the upload gets a
 * 400 with a Chinese reason.
 */

let t: TestApp;
let base: string;
const sessions = new Map<string, { cookie: string; csrf: string }>();

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  for (const username of ['office', 'reporter-a']) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Fazhi@2026' }),
    });
    const cookie = /fazhi_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    sessions.set(username, { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken });
  }
});
afterAll(() => t?.close());

const MB = 1024 * 1024;

async function uploadWhileProbing(username: string, url: string, filename: string, data: Buffer) {
  const { cookie, csrf } = sessions.get(username)!;
  const boundary = `----fazhibomb${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return probeWhile(async () => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: {
        cookie: `fazhi_sid=${cookie}`,
        'x-csrf-token': csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    });
    return { status: res.status, json: (await res.json()) as { code?: string; message?: string; text?: string } };
  });
}

/** Probes /api/health every 20 ms while `work` runs: the longest gap between answers, probes sent and answered. */
async function probeWhile<T>(work: () => Promise<T>) {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const answers: number[] = [];
  let probes = 0;
  let done = false;
  const started = performance.now();
  const probing = (async () => {
    while (!done) {
      probes++;
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) answers.push(performance.now());
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work().finally(() => {
    done = true;
  });
  await probing;
  const times = [started, ...answers, performance.now()];
  const maxGap = Math.max(...times.slice(1).map((x, i) => x - times[i]!));
  return { ...result, maxGap, probes, answered: answers.length, grewMb: (rssPeak - rssBefore) / MB };
}

let yardstick: Promise<number> | undefined;
/** The server's longest pause while mammoth parses the large legitimate report on the main thread, as inline parsing would. */
function inlineParsePause(): Promise<number> {
  yardstick ??= (async () => {
    const file = await fragmentedReportDocx(2000);
    const { default: mammoth } = await import('mammoth');
    const r = await probeWhile(async () => ({ text: (await mammoth.extractRawText({ buffer: file })).value }));
    expect(r.text).toContain('第2000项：');
    return r.maxGap;
  })();
  return yardstick;
}

const cases = [
  {
    name: 'ledger import, header lying about a 300 MB sheet',
    user: 'reporter-a',
    url: '/api/ledgers/types/mediation_case/import',
    file: () => bomb('xlsx', 300, true),
    filename: '台账.xlsx',
    message: '文件解压后内容过大（超过 160 MB），系统拒绝读取：请检查文件或拆分后重新上传',
  },
  {
    name: 'ledger import, honest header declaring 1 GB',
    user: 'reporter-a',
    url: '/api/ledgers/types/mediation_case/import',
    file: () => bomb('xlsx', 1024, false),
    filename: '台账.xlsx',
    message: '文件解压后内容过大（超过 160 MB），系统拒绝读取：请检查文件或拆分后重新上传',
  },
  {
    name: 'org import (exceljs), lying header',
    user: 'office',
    url: '/api/orgs/import',
    file: () => bomb('xlsx', 300, true),
    filename: '单位.xlsx',
    message: '文件解压后内容过大（超过 32 MB），系统拒绝读取：请检查文件或拆分后重新上传',
  },
  {
    name: 'task progress import (exceljs), lying header',
    user: 'reporter-a',
    url: '/api/plan/tasks/import',
    file: () => bomb('xlsx', 300, true),
    filename: '任务.xlsx',
    message: '文件解压后内容过大（超过 32 MB），系统拒绝读取：请检查文件或拆分后重新上传',
  },
  {
    name: 'report text reader (mammoth), .docx with a lying header',
    user: 'office',
    url: '/api/reports/check/upload',
    file: () => bomb('docx', 300, true),
    filename: '报告.docx',
    message: '文件解压后内容过大（超过 24 MB），系统拒绝读取：请检查文件或拆分后重新上传',
  },
];

describe('decompression bombs are refused while the server keeps answering', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const file = c.file();
      expect(file.length).toBeLessThan(2 * MB);
      const r = await uploadWhileProbing(c.user, c.url, c.filename, file);
      expect(r.status).toBe(400);
      expect(r.json.message).toBe(c.message);
      expect(r.answered).toBe(r.probes);
      expect(r.maxGap).toBeLessThan((await inlineParsePause()) / 2);
      expect(r.grewMb).toBeLessThan(400);
    });
  }
});

/**
 * A legitimate report whose document.xml is several MB (about 6.8 MB here, within the 24 MB budget): text split
 * into many short formatted runs, as Word and WPS save documents edited over time. mammoth needs seconds for it
 * (over 3 s measured on the main thread); the text itself stays report-sized, because the compliance check that
 * follows on the same route is not what this test is about.
 */
async function fragmentedReportDocx(paragraphs: number) {
  const words = ['本县', '围绕', '行政', '执法', '规范化', '开展', '专项', '工作', '办理', '案件', '组织', '培训'];
  const children = [new Paragraph({ text: '某县2025年法治政府建设年度报告' })];
  for (let i = 1; i <= paragraphs; i++) {
    const runs = [new TextRun({ text: `第${i}项：` })];
    for (let j = 0; j < 12; j++) {
      runs.push(
        new TextRun({
          text: words[(i + j) % words.length]!,
          bold: j % 2 === 0,
          italics: j % 3 === 0,
          font: '仿宋_GB2312',
          size: 32,
          color: j % 2 ? '1F1F1F' : '000000',
          underline: j % 5 === 0 ? {} : undefined,
        }),
      );
    }
    children.push(new Paragraph({ children: runs }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('a large legitimate .docx is parsed off the event loop', () => {
  it('report text reader returns the whole text while /api/health keeps answering', async () => {
    const file = await fragmentedReportDocx(2000);
    const r = await uploadWhileProbing('office', '/api/reports/check/upload', '年度报告.docx', file);
    expect(r.status).toBe(200);
    expect(r.json.text!.startsWith('某县2025年法治政府建设年度报告\n')).toBe(true);
    expect(r.json.text).toContain('第2000项：办理案件组织培训本县围绕行政执法规范化开展专项工作');
    expect(r.answered).toBe(r.probes);
    expect(r.maxGap).toBeLessThan((await inlineParsePause()) / 2);
  });
});
