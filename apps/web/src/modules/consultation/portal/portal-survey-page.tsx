import { SURVEY_SCORE_LABELS } from '@fazhi/core/consultation/survey';
import { Alert, Button, Input, Radio, Result, Select, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { useAnswerSurvey, usePublicSurvey } from '../api/survey-api.ts';
import './portal.css';
import './portal-survey.css';

const scoreOptions = [5, 4, 3, 2, 1].map((s) => ({ value: s, label: SURVEY_SCORE_LABELS[s]! }));
const DEVICE_KEY = 'fazhi-survey-device';
const answeredKey = (id: number) => `fazhi-survey-answered-${id}`;

/** A random id kept in this browser: the server takes one answer per device (and per phone). */
function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** The public 群众满意度测评 page: phone-first, one column, no login. */
export function PortalSurveyPage() {
  const id = Number(useParams().id);
  const survey = usePublicSurvey(id);
  const answer = useAnswerSurvey(id);
  const [target, setTarget] = useState<number | undefined>();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [phone, setPhone] = useState('');
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string | null>(() =>
    localStorage.getItem(answeredKey(id)) ? '您已参加过本次测评，感谢您的参与！' : null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const s = survey.data;

  const targetOptions = useMemo(() => {
    if (!s) return [];
    const group = (g: 'township' | 'unit', label: string) => ({
      label,
      options: s.targets.filter((t) => t.group === g).map((t) => ({ value: t.id, label: t.name })),
    });
    return [group('township', '乡镇（街道）'), group('unit', '部门单位')].filter((g) => g.options.length > 0);
  }, [s]);

  async function submit() {
    if (!s) return;
    setProblem(null);
    if (!target) return setProblem('请选择您要评价的单位或乡镇');
    const missing = s.questions.findIndex((q) => !scores[q.key]);
    if (missing >= 0) return setProblem(`请为第${missing + 1}题选择满意程度`);
    if (!phone.trim()) return setProblem('请填写手机号码');
    try {
      const result = await answer.mutateAsync({ phone, targetOrgId: target, scores, comment, deviceId: deviceId() });
      localStorage.setItem(answeredKey(id), '1');
      setDone(result.message);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-org">{s?.orgName ?? '法治建设'}</div>
        <div className="portal-title">群众满意度测评</div>
      </header>
      <main className="portal-main" style={{ paddingBottom: 48 }}>
        {survey.isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
        {survey.error ? <Result status="404" title="未找到" subTitle={errorMessage(survey.error)} /> : null}
        {s && done ? <Result status="success" title={done} subTitle={s.title} /> : null}
        {s && !done ? (
          <>
            <div className="portal-card">
              <h3>{s.title}</h3>
              <div className="portal-meta">
                测评时间：{s.opensOn} 至 {s.closesOn}
              </div>
              {s.intro ? <p style={{ margin: '8px 0 0', lineHeight: 1.8 }}>{s.intro}</p> : null}
            </div>
            {s.blockedReason ? (
              <Alert type="info" showIcon title={s.blockedReason} />
            ) : (
              <>
                <div className="portal-card">
                  <div className="survey-label">您要评价的单位或乡镇</div>
                  <Select
                    aria-label="评价对象"
                    size="large"
                    style={{ width: '100%' }}
                    placeholder="请选择"
                    options={targetOptions}
                    value={target}
                    onChange={(v) => {
                      setTarget(v);
                      setProblem(null);
                    }}
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </div>
                {s.questions.map((q, i) => (
                  <fieldset className="portal-card survey-question" key={q.key} aria-label={`第${i + 1}题`}>
                    <div className="survey-label">
                      {i + 1}. {q.text}
                    </div>
                    <Radio.Group
                      className="survey-scores"
                      value={scores[q.key]}
                      onChange={(e) => {
                        setScores((prev) => ({ ...prev, [q.key]: e.target.value as number }));
                        setProblem(null);
                      }}
                      options={scoreOptions}
                    />
                  </fieldset>
                ))}
                <div className="portal-card">
                  <div className="survey-label">手机号码</div>
                  <Input
                    aria-label="手机号码"
                    size="large"
                    inputMode="tel"
                    maxLength={20}
                    placeholder="仅用于防止重复提交，不会公开"
                    value={phone}
                    onChange={(e) => setPhone(e.target.value)}
                  />
                  <div className="survey-label" style={{ marginTop: 14 }}>
                    意见建议（选填）
                  </div>
                  <Input.TextArea
                    aria-label="意见建议"
                    rows={3}
                    maxLength={300}
                    showCount
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                  />
                </div>
                {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
                <Button type="primary" danger size="large" block loading={answer.isPending} onClick={submit}>
                  提交评价
                </Button>
              </>
            )}
          </>
        ) : null}
        <div className="portal-footer">每个手机号码、每台设备只能提交一次；手机号码加密保存，不会公开</div>
      </main>
    </div>
  );
}
