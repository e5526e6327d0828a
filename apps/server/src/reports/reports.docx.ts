import { formatFigure } from '@fazhi/core/reports/figure-phrases';
import { ordinalMarker } from '@fazhi/core/reports/outlines';
import { chineseDate, paragraphsOf, type ReportContent, splitRunInHeading } from '@fazhi/core/reports/report-text';
import type { Paragraph, Table } from 'docx';
import {
  blank,
  bodyParagraph,
  centredParagraph,
  gbt9704,
  headingParagraph,
  officialDocument,
  officialTable,
  run,
  signatureBlock,
  titleParagraph,
} from '../platform/kernel/official-docx.ts';

export type FigureTableRow = { name: string; unit: string; value: number; previous: number | null };

const change = (r: FigureTableRow) => {
  if (r.previous === null) return '—';
  const delta = Math.round((r.value - r.previous) * 100) / 100;
  return delta === 0 ? '持平' : `${delta > 0 ? '+' : '−'}${formatFigure(Math.abs(delta))}`;
};

/** 主要数据对照表: indicator, unit, this year, last year, change. */
const figureTable = (rows: readonly FigureTableRow[]) =>
  officialTable(
    [
      { header: '指标', width: 3844 },
      { header: '单位', width: 1100, align: 'center' },
      { header: '本年', width: 1600, align: 'right' },
      { header: '上年', width: 1600, align: 'right' },
      { header: '增减', width: 1700, align: 'right' },
    ],
    rows.map((r) => [
      r.name,
      r.unit,
      formatFigure(r.value),
      r.previous === null ? '—' : formatFigure(r.previous),
      change(r),
    ]),
  );

/** The report as a .docx; `table` rows follow the first section (主要举措和成效) as 主要数据对照表. */
export async function buildReportDocx(content: ReportContent, table: readonly FigureTableRow[] = []): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [titleParagraph(content.title), blank()];
  for (const line of paragraphsOf(content.preamble)) children.push(bodyParagraph([run(line)]));
  content.sections.forEach((section, index) => {
    children.push(headingParagraph(`${ordinalMarker(index)}${section.heading}`, 1));
    for (const paragraph of paragraphsOf(section.body)) {
      const { heading, rest } = splitRunInHeading(paragraph);
      children.push(bodyParagraph(heading ? [run(heading, gbt9704.font.heading2), run(rest)] : [run(rest)]));
    }
    if (index === 0 && table.length > 0) {
      children.push(centredParagraph('主要数据对照表', gbt9704.font.heading1, { keepNext: true }), figureTable(table));
    }
  });
  children.push(...signatureBlock(content.signedBy, chineseDate(content.signedDate)));
  return officialDocument({ title: content.title, children });
}
