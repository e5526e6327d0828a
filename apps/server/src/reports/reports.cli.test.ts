import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `npx fazhi extract` as an operator runs it: on a seed file, without a database. */
const cli = fileURLToPath(new URL('../../bin/fazhi.js', import.meta.url));
const seed = fileURLToPath(new URL('../../../../../shared/seeds/004_94ac708e86507105.txt', import.meta.url));
const env = {
  ...process.env,
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
  FAZHI_DATA_DIR: '/nonexistent/fazhi',
};
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 60_000 });

type Row = {
  text: string;
  value: number;
  unit: string;
  approx: string | null;
  metric: string | null;
  start: number;
  end: number;
};

describe('npx fazhi extract', () => {
  it('prints every quantity as JSON with offsets into the file, never opening the database', () => {
    const result = run('extract', seed, '--json');
    expect(result.status, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    const text = readFileSync(seed, 'utf8');
    expect(rows.length).toBeGreaterThan(60);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['text', 'value', 'unit', 'approx', 'metric', 'start', 'end']);
      expect(text.slice(row.start, row.end)).toBe(row.text);
    }
    const find = (phrase: string) => rows.find((r) => r.text.includes(phrase));
    expect(find('调处各类矛盾纠纷2197件')).toMatchObject({ value: 2197, unit: '件', metric: 'mediation.cases' });
    expect(find('协议涉及金额1464余万元')).toMatchObject({
      value: 14_640_000,
      unit: '元',
      approx: '余',
      metric: 'mediation.amount',
    });
    expect(find('法律意见或建议近300条')).toMatchObject({
      value: 300,
      approx: '近',
      metric: 'legality_review.opinions',
    });
    expect(find('定位率保持在95%以上')).toMatchObject({ value: 95, unit: '%', metric: 'corrections.location_rate' });
  });

  it('refuses a missing file and an unsupported type with a Chinese message', () => {
    const missing = run('extract', '/nonexistent/report.txt', '--json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('无法读取文件');
    const wrong = run('extract', cli, '--json');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('不支持的文件类型');
  });
});
