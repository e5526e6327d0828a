import { createHash } from 'node:crypto';
import { parseDraft } from '@fazhi/core/consultation/article-parser';
import { shanghaiDate } from '@fazhi/core/consultation/consultation-window';
import { renderDraft } from '@fazhi/core/consultation/draft-render';
import { opinionFingerprint } from '@fazhi/core/consultation/opinion-duplicates';
import { defaultReply } from '@fazhi/core/consultation/opinion-lifecycle';
import { completeStep, createTenStepChecklist, TEN_STEPS } from '@fazhi/core/consultation/ten-steps';
import { storedArticles } from '../consultation/consultation.drafts.service.ts';
import { newReceiptCode } from '../consultation/consultation.opinions.repo.ts';
import {
  consultationDrafts,
  consultationDraftVersions,
  consultationOpinions,
  consultationPoints,
  consultationPushes,
  consultations,
} from '../consultation/consultation.schema.ts';
import type { Executor } from '../db/client.ts';
import {
  publicityDraft,
  ruralEnvironmentDraftV1,
  ruralEnvironmentDraftV2,
  socialAssistanceDraft,
} from './demo-consultation-drafts.ts';
import type { DemoContext } from './module-seeds.ts';

const dayMs = 86_400_000;

type OpinionSeed = {
  article: string | null;
  name: string;
  phone: string | null;
  content: string;
  point: 'main' | 'yuanba' | 'gucheng';
  status?: string;
  moderation?: 'pending_review' | 'approved' | 'blocked';
  decision?: 'adopted' | 'partly_adopted' | 'rejected';
  reason?: string;
  reply?: string;
  mergeInto?: number;
  daysAgo: number;
};

/** 昭化区基层立法联系点 under 区司法局, two 立法议事小院 and a 信息员, three drafts with opinions in every state. */
export async function seedConsultation(tx: Executor, ctx: DemoContext) {
  const orgId = ctx.orgIds.get('区司法局')!;
  const officeId = ctx.userIds.get('office') ?? null;
  const [main] = await tx
    .insert(consultationPoints)
    .values({ orgId, kind: 'contact_point', name: '昭化区基层立法联系点', contact: '区司法局三楼 0839-8888123' })
    .returning({ id: consultationPoints.id });
  const subs = await tx
    .insert(consultationPoints)
    .values([
      { orgId, parentId: main!.id, kind: 'courtyard', name: '元坝镇立法议事小院', contact: '元坝镇党群服务中心' },
      { orgId, parentId: main!.id, kind: 'courtyard', name: '昭化古城立法议事小院', contact: '昭化古城社区法治超市' },
      { orgId, parentId: main!.id, kind: 'informant', name: '立法信息员（王家镇）', contact: '王家镇司法所' },
    ])
    .returning({ id: consultationPoints.id });
  const points = { main: main!.id, yuanba: subs[0]!.id, gucheng: subs[1]!.id };
  const day = (offset: number) => shanghaiDate(new Date(ctx.now.getTime() + offset * dayMs));

  async function draft(texts: string[], createdDaysAgo: number) {
    const createdAt = new Date(ctx.now.getTime() - createdDaysAgo * dayMs);
    const first = parseDraft(texts[0]!);
    const [row] = await tx
      .insert(consultationDrafts)
      .values({ orgId, pointId: points.main, title: first.title, createdBy: officeId, createdAt })
      .returning({ id: consultationDrafts.id });
    let versionId = 0;
    for (const [i, text] of texts.entries()) {
      const sourceText = renderDraft(parseDraft(text));
      const parsed = parseDraft(sourceText);
      const [v] = await tx
        .insert(consultationDraftVersions)
        .values({
          draftId: row!.id,
          orgId,
          version: i + 1,
          note: i === 0 ? '初稿' : '根据座谈会意见修改',
          sourceText,
          parsed,
          articles: storedArticles(parsed),
          createdBy: officeId,
          createdAt: new Date(createdAt.getTime() + i * dayMs),
        })
        .returning({ id: consultationDraftVersions.id });
      versionId = v!.id;
    }
    return { draftId: row!.id, versionId };
  }

  async function consultation(
    d: { draftId: number; versionId: number },
    input: { title: string; legislature: string; level: string; opens: number; closes: number; doneSteps: number },
    final?: { daysAgo: number; summary: string },
  ) {
    let checklist = createTenStepChecklist({ publish_notice: day(input.opens), collect_opinions: day(input.closes) });
    const window = { opensOn: day(input.opens), closesOn: day(input.closes) };
    for (const [i, step] of TEN_STEPS.slice(0, input.doneSteps).entries()) {
      const on = i < 4 ? day(input.opens - 3 + i) : day(Math.min(input.closes + i - 4, 0));
      const result = completeStep(checklist, step.key, on, { today: day(0), window });
      if (result.ok) checklist = result.checklist;
    }
    const [row] = await tx
      .insert(consultations)
      .values({
        orgId,
        pointId: points.main,
        draftId: d.draftId,
        versionId: d.versionId,
        title: input.title,
        legislature: input.legislature,
        legislatureLevel: input.level,
        opensOn: window.opensOn,
        closesOn: window.closesOn,
        status: 'published',
        checklist,
        publishedAt: new Date(ctx.now.getTime() + input.opens * dayMs),
        finalAdoptedOn: final ? day(-final.daysAgo) : null,
        finalSummary: final?.summary ?? null,
        createdBy: officeId,
      })
      .returning({ id: consultations.id });
    await tx.insert(consultationPushes).values([
      { consultationId: row!.id, pointId: points.yuanba },
      { consultationId: row!.id, pointId: points.gucheng },
    ]);
    return row!.id;
  }

  async function opinions(consultationId: number, seeds: OpinionSeed[]) {
    const ids: number[] = [];
    for (const s of seeds) {
      const isPortal = s.point === 'main';
      const fingerprint =
        isPortal && s.phone
          ? createHash('sha256')
              .update(
                opinionFingerprint({
                  draftId: String(consultationId),
                  articleKey: s.article,
                  phone: s.phone,
                  content: s.content,
                }),
              )
              .digest('hex')
          : null;
      const submittedAt = new Date(ctx.now.getTime() - s.daysAgo * dayMs);
      const [row] = await tx
        .insert(consultationOpinions)
        .values({
          orgId,
          consultationId,
          pointId: points[s.point],
          channel: isPortal ? 'portal' : 'offline',
          articleKey: s.article,
          name: s.name,
          phone: s.phone,
          content: s.content,
          receiptCode: newReceiptCode(),
          fingerprint,
          status: s.status ?? 'submitted',
          moderation: s.moderation ?? 'approved',
          moderationNote: s.moderation === 'blocked' ? '含违法广告内容，不予受理' : null,
          matchedWords: s.moderation && s.moderation !== 'approved' ? ['办证'] : [],
          category: s.status && s.status !== 'submitted' ? '内容完善' : null,
          mergedIntoId: s.mergeInto === undefined ? null : ids[s.mergeInto]!,
          decision: s.decision ?? null,
          decisionReason: s.reason ?? null,
          reply: s.reply ?? null,
          submittedAt,
          answeredAt: s.status === 'answered' ? new Date(submittedAt.getTime() + 30 * dayMs) : null,
          createdBy: isPortal ? null : officeId,
        })
        .returning({ id: consultationOpinions.id });
      ids.push(row!.id);
    }
  }

  // Last year: a provincial draft, fully handled and answered, with the legislature's final result.
  const publicity = await draft([publicityDraft], 400);
  const publicityId = await consultation(
    publicity,
    {
      title: '四川省法治宣传教育条例（修订草案）',
      legislature: '四川省人大常委会法制工作委员会',
      level: 'provincial',
      opens: -380,
      closes: -350,
      doneSteps: 10,
    },
    {
      daysAgo: 300,
      summary: '省人大常委会审议通过，采纳我点意见3条：第六条增加“法律明白人”培育，第五条细化普法责任清单。',
    },
  );
  const answered = (decision: OpinionSeed['decision'], reason?: string): Partial<OpinionSeed> => ({
    status: 'answered',
    decision,
    reason,
    reply: defaultReply(decision!, reason ?? null),
  });
  await opinions(publicityId, [
    {
      article: 'a6',
      name: '李秀英',
      phone: '13908391234',
      content: '建议明确每个村至少培育十名法律明白人，并给予适当补贴。',
      point: 'yuanba',
      daysAgo: 370,
      ...answered('partly_adopted', '培育数量由各地根据实际确定，补贴问题已纳入保障措施'),
    },
    {
      article: 'a5',
      name: '赵建国',
      phone: '13990761122',
      content: '普法责任清单应当向社会公开，接受群众监督。',
      point: 'main',
      daysAgo: 368,
      ...answered('adopted'),
    },
    {
      article: 'a7',
      name: '陈明',
      phone: null,
      content: '经费应当按常住人口人均标准列入预算。',
      point: 'gucheng',
      daysAgo: 365,
      ...answered('rejected', '具体标准由各地结合财力确定，不宜在条例中统一规定'),
    },
    {
      article: null,
      name: '周晓梅',
      phone: '13568221100',
      content: '建议增加利用新媒体开展普法的内容。',
      point: 'main',
      daysAgo: 360,
      ...answered('adopted'),
    },
  ]);

  // This year, closed: a national draft being handled (forwarded, decided, not yet answered).
  const assistance = await draft([socialAssistanceDraft], 120);
  const assistanceId = await consultation(assistance, {
    title: '中华人民共和国社会救助法（草案）',
    legislature: '全国人大常委会法制工作委员会',
    level: 'national',
    opens: -100,
    closes: -70,
    doneSteps: 8,
  });
  await opinions(assistanceId, [
    {
      article: 'a4',
      name: '王德福',
      phone: '13882345678',
      content: '农村老人不会填复杂的表格，建议允许村干部代为申请。',
      point: 'yuanba',
      daysAgo: 90,
      status: 'forwarded',
    },
    {
      article: 'a7',
      name: '刘芳',
      phone: '15183901234',
      content: '服务窗口应当延伸到村（社区）便民服务站。',
      point: 'main',
      daysAgo: 88,
      status: 'partly_adopted',
      decision: 'partly_adopted',
      reason: '村级便民服务站可以代收申请材料',
    },
    {
      article: 'a5',
      name: '张志强',
      phone: '13778456123',
      content: '核对家庭经济状况时应当保护申请人的个人信息。',
      point: 'main',
      daysAgo: 85,
      status: 'adopted',
      decision: 'adopted',
    },
    {
      article: 'a6',
      name: '黄丽',
      phone: null,
      content: '建议把残疾人康复救助单列。',
      point: 'gucheng',
      daysAgo: 80,
      status: 'rejected',
      decision: 'rejected',
      reason: '残疾人康复救助已在相关法律中规定',
    },
    {
      article: 'a3',
      name: '何平',
      phone: '13541237788',
      content: '原则中建议增加“及时”二字：救急难要及时。',
      point: 'main',
      daysAgo: 78,
      status: 'organized',
    },
  ]);

  // Open now: a municipal regulation in its second version, opinions arriving in every state.
  const rural = await draft([ruralEnvironmentDraftV1, ruralEnvironmentDraftV2], 25);
  const ruralId = await consultation(rural, {
    title: '广元市农村人居环境治理条例（草案征求意见稿）',
    legislature: '广元市人大常委会法制工作委员会',
    level: 'municipal',
    opens: -12,
    closes: 18,
    doneSteps: 4,
  });
  await opinions(ruralId, [
    {
      article: 'a3',
      name: '罗永红',
      phone: '13890123456',
      content: '建议在第三条中写明“村民主体”具体包括村民参与决策和监督。',
      point: 'main',
      daysAgo: 10,
    },
    {
      article: 'a3',
      name: '罗永红',
      phone: null,
      content: '第三条应写明村民主体包括参与决策和监督。',
      point: 'yuanba',
      daysAgo: 9,
      status: 'merged',
      mergeInto: 0,
    },
    {
      article: 'a10',
      name: '杨桂兰',
      phone: '13608392211',
      content: '第十条第四项禁止焚烧秸秆，应当同时规定秸秆回收利用的渠道，否则农户没有办法处理。',
      point: 'gucheng',
      daysAgo: 8,
      status: 'organized',
    },
    {
      article: 'a15',
      name: '吴志军',
      phone: '15892341234',
      content: '罚款二百元到二千元对农户偏重，建议降低标准，以教育为主。',
      point: 'main',
      daysAgo: 7,
      status: 'forwarded',
    },
    {
      article: 'a7',
      name: '郑春燕',
      phone: '13981239876',
      content: '垃圾分类要考虑山区村民居住分散的实际，收集点设置要方便。',
      point: 'yuanba',
      daysAgo: 6,
      status: 'adopted',
      decision: 'adopted',
    },
    {
      article: null,
      name: '孙国庆',
      phone: '13795012345',
      content: '条例整体很好，建议增加对农村公厕管护的专门规定。',
      point: 'main',
      daysAgo: 5,
      status: 'answered',
      decision: 'partly_adopted',
      reason: '公厕管护纳入第十一条设施管护制度',
      reply: '感谢您的参与，您的意见已被部分采纳。说明：公厕管护纳入第十一条设施管护制度',
    },
    {
      article: 'a9',
      name: '马强',
      phone: '18608391111',
      content: '山区缺水，水冲式厕所不一定适用，建议增加旱厕改造的内容。',
      point: 'main',
      daysAgo: 4,
      status: 'rejected',
      decision: 'rejected',
      reason: '第九条已规定因地制宜，符合技术规范即可',
    },
    {
      article: 'a12',
      name: '高飞',
      phone: '13551235555',
      content: '专业化企业运维的费用由谁承担，建议写清楚。',
      point: 'main',
      daysAgo: 3,
    },
    {
      article: 'a5',
      name: '广告号',
      phone: '13300001111',
      content: '办证刻章加微信，价格优惠。',
      point: 'main',
      daysAgo: 2,
      moderation: 'blocked',
    },
    {
      article: 'a14',
      name: '匿名群众',
      phone: '13300002222',
      content: '投诉举报后没人处理怎么办？另外本人长期办证服务。',
      point: 'main',
      daysAgo: 1,
      moderation: 'pending_review',
    },
  ]);
}
