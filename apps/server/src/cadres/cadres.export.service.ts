import { buildResultsExport, resultsExportColumns, type UnitAssessmentResult } from '@fazhi/core/cadres/results-export';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { addSheet, newWorkbook } from '../platform/kernel/excel.ts';
import { blank, officialDocument, officialTable, textWidth, titleParagraph } from '../platform/kernel/official-docx.ts';
import { cadreRecordsOfYear, lawArchive } from './cadres.service.ts';

type Archive = Awaited<ReturnType<typeof lawArchive>>;

/** The page as label/value rows: the same content for .docx and .xlsx. */
function archiveRows(a: Archive): [string, string][] {
  const yes = (v: boolean) => (v ? '已完成' : '未完成');
  return [
    ['姓名', a.cadre.name],
    ['单位', a.cadre.orgName],
    ['职务', a.cadre.position],
    ['身份证号', a.cadre.idNumber || '—'],
    ['联系电话', a.cadre.phone || '—'],
    ['一次年度述法', yes(a.threeOnes.hasLawReport)],
    ['一次法治考核', yes(a.threeOnes.hasExam)],
    ['一份法治档案', a.filedOn ? `已归档（${a.filedOn}）` : '未归档'],
    [
      '述法情况',
      a.lawReport
        ? `${a.lawReport.date} ${a.lawReport.formLabel}，评议得分${a.lawReport.score ?? '—'}，等次：${a.lawReport.levelLabel}`
        : '未述法',
    ],
    [
      '法治考核',
      a.exam ? `${a.exam.date} ${a.exam.examName}，成绩${a.exam.score ?? '—'}，${a.exam.outcomeLabel}` : '未参加考核',
    ],
    [
      '会前学法',
      a.studies.length
        ? a.studies.map((s) => `${s.date} ${s.meetingName}：${s.laws.join('、')}（授课：${s.lecturer}）`).join('\n')
        : '无记录',
    ],
    ...(a.duties
      ? a.duties.map((d, i): [string, string] => [
          `第一责任人职责${i + 1}`,
          `${d.title}：${d.statusLabel}${d.note ? `（${d.note}）` : ''}`,
        ])
      : []),
  ];
}

export async function exportArchive(
  db: Executor,
  actor: Actor,
  cadreId: number,
  year: number,
  format: 'docx' | 'xlsx',
) {
  const archive = await lawArchive(db, actor, cadreId, year);
  const rows = archiveRows(archive);
  const base = `${archive.cadre.name}${year}年度法治档案`;
  if (format === 'xlsx') {
    const wb = await newWorkbook();
    const ws = addSheet(wb, '法治档案', [
      { header: '项目', key: 'k', width: 20 },
      { header: '内容', key: 'v', width: 90 },
    ]);
    for (const [k, v] of rows) ws.addRow({ k, v }).alignment = { wrapText: true, vertical: 'top' };
    return { filename: `${base}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
  const labelWidth = 2200;
  const table = officialTable(
    [
      { header: '项目', width: labelWidth },
      { header: '内容', width: textWidth() - labelWidth },
    ],
    rows,
    { size: 24, boldFirstColumn: true, headerless: true },
  );
  const data = await officialDocument({
    title: base,
    creator: '区委依法治区办',
    lineGrid: false,
    children: [titleParagraph(`领导干部法治档案（${year}年度）`), blank(), table],
  });
  return { filename: `${base}.docx`, data };
}

/**
 * The units' published assessment results of a year, by org id. The assessment module answers it; the composition
 * layer (app.ts) hands its service in, since cadres may not import assessment (assessment → oversight → cadres).
 */
export type UnitResultsOfYear = (
  db: Executor,
  actor: Actor,
  year: number,
) => Promise<ReadonlyMap<number, UnitAssessmentResult>>;

const wideColumns: Record<string, number> = {
  单位: 22,
  单位年度考核: 30,
  单位考核排名: 18,
  任前考法: 40,
  会前学法记录: 70,
};

/** 干部考察 export: each leading cadre's unit result, 述法, exams and 会前学法 of the year, without personal data. */
export async function exportCadreResults(
  db: Executor,
  actor: Actor,
  year: number,
  unitResultsOfYear: UnitResultsOfYear,
) {
  const [records, unitResults] = await Promise.all([
    cadreRecordsOfYear(db, actor, year),
    unitResultsOfYear(db, actor, year),
  ]);
  const rows = buildResultsExport({ ...records, unitResults });
  const wb = await newWorkbook();
  const ws = addSheet(
    wb,
    `${year}年度`,
    resultsExportColumns.map((header, i) => ({ header, key: `c${i}`, width: wideColumns[header] })),
  );
  for (const row of rows) ws.addRow(row).alignment = { wrapText: true, vertical: 'top' };
  return { filename: `领导干部${year}年度法治建设考核结果运用表.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
