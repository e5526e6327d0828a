import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { ordinalMarker } from '@fazhi/core/reports/outlines';
import { App, Button, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { downloadPublicReport, usePublicReport } from '../api/public-reports-api.ts';
import { PublicReportsLayout } from './public-layout.tsx';

/** A published report rendered as a page, with its .docx and PDF. */
export function PublicReportPage() {
  const params = useParams();
  const countyId = Number(params.countyId);
  const id = Number(params.id);
  const report = usePublicReport(countyId, id);
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const r = report.data;

  async function fetchFile(format: 'docx' | 'pdf') {
    if (!r) return;
    setBusy(format);
    try {
      await downloadPublicReport(countyId, id, format, r.title);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <PublicReportsLayout org={r?.countyName}>
      <div className="pub-crumbs">
        <Link to="/public/reports">全部区县</Link> /{' '}
        <Link to={`/public/reports/${countyId}`}>{r?.countyName ?? '…'}</Link> / {r ? `${r.year}年度` : '…'}
      </div>
      {report.isLoading ? <Skeleton active paragraph={{ rows: 12 }} /> : null}
      {report.error ? (
        <Result
          status="404"
          title={errorMessage(report.error)}
          extra={<Link to={`/public/reports/${countyId}`}>返回报告列表</Link>}
        />
      ) : null}
      {r ? (
        <>
          <div className="pub-actions">
            <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => fetchFile('docx')}>
              下载 Word 版
            </Button>
            <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => fetchFile('pdf')}>
              {busy === 'pdf' ? '正在生成 PDF…' : '下载 PDF 版'}
            </Button>
            <span className="pub-meta" style={{ alignSelf: 'center' }}>
              {r.orgName} · 公开日期 {r.publishedOn}
            </span>
          </div>
          <article className="pub-doc">
            <h1>{r.title}</h1>
            {r.preamble
              .split('\n')
              .filter((p) => p.trim())
              .map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a frozen text never reorder
                <p key={i}>{p.trim()}</p>
              ))}
            {r.sections.map((s, i) => (
              <section key={s.heading}>
                <h2>
                  {ordinalMarker(i)}
                  {s.heading}
                </h2>
                {s.paragraphs.map((p, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a frozen text never reorder
                  <p key={j}>{p}</p>
                ))}
              </section>
            ))}
            {r.signedBy || r.signedDate ? (
              <p className="pub-sign">
                {r.signedBy}
                <br />
                {r.signedDate}
              </p>
            ) : null}
          </article>
        </>
      ) : null}
    </PublicReportsLayout>
  );
}
