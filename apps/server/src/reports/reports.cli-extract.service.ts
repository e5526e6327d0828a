import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractFigures } from '@fazhi/core/reports/extract-figures';
import { readReportText } from './reports.read-text.service.ts';

/** `fazhi extract <file> [--json]`: every quantity of a report; never opens the database. */
export async function extractCommand(args: string[]) {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) throw new Error('用法：npx fazhi extract <文件.txt|.docx|.html> [--json]');
  const data = await readFile(file).catch(() => {
    throw new Error(`无法读取文件：${file}`);
  });
  const { text } = await readReportText(basename(file), data);
  const figures = extractFigures(text).map((f) => ({
    text: f.text,
    value: f.value,
    unit: f.unit,
    approx: f.approx,
    metric: f.metric,
    start: f.start,
    end: f.end,
  }));
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  for (const f of figures) {
    const approx = f.approx ? `（${f.approx}）` : '';
    console.log(`${f.start}-${f.end}\t${f.value}${f.unit}${approx}\t${f.metric ?? '—'}\t${f.text}`);
  }
  console.log(`共识别 ${figures.length} 个数字`);
}
