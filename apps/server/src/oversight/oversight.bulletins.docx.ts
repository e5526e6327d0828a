import type { BulletinModel } from '@fazhi/core/oversight/bulletin';
import { chineseDate } from '@fazhi/core/reports/report-text';
import { blocksDocx, type DocBlock } from '../platform/kernel/official-docx.ts';

/**
 * The content of a 通报 as an official document (GB/T 9704-2012): 版头 with the issuing office's 发文机关标志 and the
 * red separator, title, 主送, body in 一、二、 sections, 落款 with the seal, and the 版记 (抄送, 印发). The page,
 * fonts and the red header are the shared builder's (`platform/kernel/official-docx.ts`). The 成文日期 is in Arabic
 * numerals (§7.3.5.3), as in the annual report: `chineseDate` of `@fazhi/core/reports/report-text`.
 */

const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export const chineseOrdinal = (n: number) =>
  n < 10
    ? digits[n]!
    : n < 20
      ? `十${n % 10 ? digits[n % 10] : ''}`
      : `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;

export type BulletinDocInput = {
  title: string;
  orgName: string;
  docNo: string;
  year: number;
  issuedOn: string;
  intro: string;
  cc: string;
};

export type BulletinDocStats = {
  inspections: number;
  problems: number;
  rectified: number;
  rectificationRate: number | null;
};

export function bulletinDocx(b: BulletinDocInput, model: BulletinModel, stats: BulletinDocStats) {
  const blocks: DocBlock[] = [{ kind: 'redHeader', header: { issuer: b.orgName, docNo: b.docNo } }];
  blocks.push(
    { kind: 'title', text: b.title },
    { kind: 'addressee', text: '各乡镇（街道）党（工）委、政府（办事处），区级各部门：' },
  );
  const rate = stats.rectificationRate === null ? '—' : `${stats.rectificationRate}%`;
  blocks.push({
    kind: 'body',
    text:
      b.intro ||
      `${b.year}年，${b.orgName}在年初部署、半年小结、中期推进、年终总结等关键节点，采取定期督查指导、随机抽查暗访等方式开展法治督察${stats.inspections}次，发现问题${stats.problems}个，已整改销号${stats.rectified}个，整改率${rate}。按照“一个问题、一人负责、一套方案、一揽子包抓落实”的“四个一”工作机制，现将有关情况通报如下。`,
  });
  let section = 0;
  if (model.praised.length) {
    blocks.push({ kind: 'heading', text: `${chineseOrdinal(++section)}、通报表扬` });
    blocks.push({ kind: 'body', text: `以下${model.praised.length}个单位整改工作成效明显，予以通报表扬：` });
    for (const u of model.praised)
      blocks.push({ kind: 'body', label: `${u.orgName}：`, text: `${u.reasons.join('；')}。` });
  }
  if (model.criticised.length) {
    blocks.push({ kind: 'heading', text: `${chineseOrdinal(++section)}、通报批评` });
    blocks.push({
      kind: 'body',
      text: `以下${model.criticised.length}个单位问题整改不力，予以通报批评，所涉${model.criticisedProblemCount}个问题纳入年度法治建设考核扣分：`,
    });
    for (const [i, u] of model.criticised.entries()) {
      blocks.push({ kind: 'subheading', text: `（${chineseOrdinal(i + 1)}）${u.orgName}` });
      blocks.push({ kind: 'body', text: `${u.reasons.join('；')}。` });
      for (const [j, p] of u.problems.entries())
        blocks.push({ kind: 'body', text: `${j + 1}. ${p.title}（${p.statusLabel}）` });
    }
  }
  blocks.push({ kind: 'heading', text: `${chineseOrdinal(++section)}、工作要求` });
  blocks.push({
    kind: 'body',
    text: '各单位要对照通报问题逐项建立整改台账，明确责任人、整改方案、整改措施和整改时限，按期完成整改并申请销号。被通报批评的单位要在通报印发之日起15日内向区委依法治区办书面报告整改情况。区委依法治区办将适时开展“回头看”，对整改不力、问题反弹的严肃追责问责。',
  });
  blocks.push(
    { kind: 'sealedSignature', signedBy: b.orgName, date: chineseDate(b.issuedOn) },
    {
      kind: 'distribution',
      distribution: { cc: b.cc, printedBy: b.orgName, printedOn: chineseDate(b.issuedOn) },
    },
  );
  return blocksDocx(blocks, { title: b.title, creator: b.orgName });
}
