import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleCountyReport } from '@fazhi/core/reports/sample-report';
import { afterAll, describe, expect, it } from 'vitest';

/** `npx fazhi extract` as an operator runs it: on a report file, without a database. */
const cli = fileURLToPath(new URL('../../bin/fazhi.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fazhi-extract-'));
const reportFile = join(dir, '利州区2024年报告.txt');
const reportText = sampleCountyReport(2024);
writeFileSync(reportFile, reportText);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = {
  ...process.env,
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
  FAZHI_DATA_DIR: join(dir, 'no-such-data-dir'),
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
    const result = run('extract', reportFile, '--json');
    expect(result.status, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    // every figure of the sample report (labelled in packages/core/src/reports/fixtures/sample-report-figures.ts)
    expect(rows).toHaveLength(32);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['text', 'value', 'unit', 'approx', 'metric', 'start', 'end']);
      expect(reportText.slice(row.start, row.end)).toBe(row.text);
    }
    const find = (phrase: string) => rows.find((r) => r.text.includes(phrase));
    expect(find('调处各类矛盾纠纷2197件')).toMatchObject({ value: 2197, unit: '件', metric: 'mediation.cases' });
    expect(find('协议涉及金额1464余万元')).toMatchObject({
      value: 14_640_000,
      unit: '元',
      approx: '余',
      metric: 'mediation.amount',
    });
    expect(find('法律意见或建议210余条')).toMatchObject({
      value: 210,
      approx: '余',
      metric: 'legality_review.opinions',
    });
    expect(find('定位率保持在95%以上')).toMatchObject({ value: 95, unit: '%', metric: 'corrections.location_rate' });
  });

  it('refuses a missing file and an unsupported type with a Chinese message', () => {
    const missing = run('extract', join(dir, 'no-such-report.txt'), '--json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('无法读取文件');
    const wrong = run('extract', cli, '--json');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('不支持的文件类型');
  });
});
