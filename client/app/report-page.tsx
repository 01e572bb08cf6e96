import { useEffect, useState } from 'react';
import { parsePeriod } from '../../shared/period';
import { currentYear } from '../../shared/vietnam-time';
import { ErrorState } from '../components/ui/error-state';
import { SkeletonRows } from '../components/ui/loading';
import { PeriodPicker } from '../features/periods/components/period-picker';
import { reportXlsxHref, useReport } from '../features/report/api/get-report';
import { ReportDocument } from '../features/report/components/report-document';
import { useUnits } from '../features/units/api/get-units';
import { UnitPicker } from '../features/units/components/unit-picker';
import { setSelection, useSelection } from '../lib/url-state';

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
  const selection = useSelection();
  const units = useUnits();
  const rootId = units.data?.units.find((u) => u.parentId === null)?.id;
  const unitId = selection.unit ?? rootId;
  const periodCode = selection.period ?? String(currentYear());
  const params = unitId ? { unit: unitId, period: periodCode } : null;
  const report = useReport(params);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const unitName = units.data?.units.find((u) => u.id === unitId)?.name;
  const periodLabel = parsePeriod(periodCode)?.label ?? periodCode;

  useEffect(() => {
    document.title = unitName ? `Báo cáo: ${unitName} — ${periodLabel} · Chỉ tiêu` : 'Báo cáo · Chỉ tiêu';
  }, [unitName, periodLabel]);

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
      <section className="card toolbar report-actions" aria-label="Chọn đơn vị và kỳ">
        <UnitPicker value={unitId} onChange={(u) => setSelection({ unit: u, period: periodCode })} />
        <PeriodPicker value={periodCode} onChange={(p) => setSelection({ unit: unitId, period: p })} />
      </section>

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

      {report.isError ? (
        <div className="card">
          <ErrorState error={report.error} onRetry={() => report.refetch()} />
        </div>
      ) : !data ? (
        <div className="card">
          <SkeletonRows label="Đang soạn báo cáo…" />
        </div>
      ) : (
        <>
          {data.fromIndicators && data.lines.length > 0 && (
            <p className="card-hint report-actions">
              Đơn vị chưa ghi các chỉ tiêu chủ yếu của kỳ này, nên mỗi chỉ tiêu được giao là một dòng. Cấp ủy
              ghi các câu của nghị quyết ở trang “Chỉ tiêu chủ yếu”.
            </p>
          )}
          <ReportDocument report={data} />
        </>
      )}
    </div>
  );
}
