import { useState } from 'react';
import { Headline } from '../components/ui/headline';
import { reportXlsxHref, useReport } from '../features/report/api/get-report';
import { ReportDocument } from '../features/report/components/report-document';
import { PageStatus, UnitPeriodToolbar } from './page-frame';
import { usePageTitle, useUnitPeriod } from './page-state';

/** Writes text to the clipboard; where the browser refuses the modern way, the old one. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * "Báo cáo": "Kết quả thực hiện các chỉ tiêu chủ yếu" of a unit and period, written from the
 * data: read on the page, copied in one click, printed on A4 or saved as PDF, downloaded as a
 * workbook.
 */
export function ReportPage() {
  const { choose, unitId, unit, periodCode, periodLabel } = useUnitPeriod('/bao-cao', (list) =>
    list.find((u) => u.parentId === null),
  );
  const params = unitId ? { unit: unitId, period: periodCode } : null;
  const report = useReport(params);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const unitName = unit?.name;
  usePageTitle(unitName ? `Báo cáo: ${unitName} — ${periodLabel}` : 'Báo cáo');

  const data = report.data;
  const copy = async () => {
    if (!data) return;
    const ok = await copyText(data.text);
    setNotice(
      ok
        ? { ok: true, text: 'Đã sao chép văn bản báo cáo; hãy dán vào văn bản của hội nghị.' }
        : { ok: false, text: 'Trình duyệt không cho sao chép; hãy chọn văn bản và sao chép bằng tay.' },
    );
  };

  return (
    <div className="page-stack">
      <UnitPeriodToolbar unit={unitId} period={periodCode} onChange={choose} className="report-actions" />

      <div className="report-bar report-actions">
        <h1 className="page-title report-page-title">
          Báo cáo{unitName ? `: ${unitName} — ${periodLabel}` : ''}
        </h1>
        <div className="report-buttons">
          <button type="button" className="button" onClick={copy} disabled={!data}>
            Sao chép văn bản
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => window.print()}
            disabled={!data}
          >
            In hoặc lưu PDF
          </button>
          {params && (
            <a className="button button-secondary" href={reportXlsxHref(params)} download>
              Tải Excel
            </a>
          )}
        </div>
        <p className={notice?.ok === false ? 'form-error' : 'form-success'} role="status">
          {notice?.text}
        </p>
      </div>

      <PageStatus error={report.error} onRetry={() => report.refetch()} loading="Đang soạn báo cáo…">
        {data && (
          <>
            {data.fromIndicators && data.lines.length > 0 && (
              <p className="card-hint report-actions">
                Đơn vị chưa ghi các chỉ tiêu chủ yếu của kỳ này, nên mỗi chỉ tiêu được giao là một dòng. Cấp
                ủy ghi các câu của nghị quyết ở trang “Chỉ tiêu chủ yếu”.
              </p>
            )}
            <section className="card summary-card report-actions" aria-label="Tóm tắt kết quả">
              <Headline
                lines={data.fromIndicators ? null : data.summary}
                single={data.targets ?? (data.fromIndicators ? data.summary : null)}
                empty="Chưa có chỉ tiêu nào được giao trong kỳ này."
              />
            </section>
            <ReportDocument report={data} />
          </>
        )}
      </PageStatus>
    </div>
  );
}
