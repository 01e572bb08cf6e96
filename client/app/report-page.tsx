import { type MouseEvent, useId, useState } from 'react';
import { isValidIsoDate } from '../../shared/period';
import { reportDocument } from '../../shared/report-document';
import type { ReportDto } from '../../shared/schemas/report';
import type { ReportSettingsDto } from '../../shared/schemas/report-settings';
import { todayIso } from '../../shared/vietnam-time';
import { Headline } from '../components/ui/headline';
import { useRights } from '../features/auth/utils/use-rights';
import {
  type ReportParams,
  reportDocxHref,
  reportXlsxHref,
  useReport,
} from '../features/report/api/get-report';
import { useReportSettings } from '../features/report/api/report-settings';
import { ReportDocument } from '../features/report/components/report-document';
import { ReportSettingsSection } from '../features/report/components/report-settings-section';
import { useSettingsForm } from '../features/report/components/use-settings-form';
import { rootUnits } from '../features/units/utils/unit-tree';
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

/** Starts the download of `href`, as a click on its link would. */
function download(href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * "Báo cáo": "Kết quả thực hiện các chỉ tiêu chủ yếu" of a unit and period as the party
 * document its committee signs: read on the page, its header and closing set in "Thông tin văn
 * bản", copied in one click, printed on A4 or saved as PDF, downloaded as Word or a workbook.
 */
export function ReportPage() {
  const { choose, unitId, unit, periodCode, periodLabel } = useUnitPeriod(
    '/bao-cao',
    (list) => rootUnits(list)[0],
  );
  const params = unitId ? { unit: unitId, period: periodCode } : null;
  // Another period of the same unit keeps the page (and what is typed in its form) while it loads.
  const report = useReport(params);
  const settings = useReportSettings(unitId ?? null);
  const rights = useRights();
  const unitName = unit?.name;
  usePageTitle(unitName ? `Báo cáo: ${unitName} — ${periodLabel}` : 'Báo cáo');
  const data = report.data?.unit.id === unitId ? report.data : undefined;

  return (
    <div className="page-stack">
      <UnitPeriodToolbar unit={unitId} period={periodCode} onChange={choose} className="report-actions" />

      <h1 className="page-title report-page-title report-actions">
        Báo cáo{unitName ? `: ${unitName} — ${periodLabel}` : ''}
      </h1>

      <PageStatus
        error={report.error ?? settings.error}
        onRetry={() => {
          void report.refetch();
          void settings.refetch();
        }}
        loading="Đang soạn báo cáo…"
      >
        {params && data && settings.data && (
          <ReportView
            key={params.unit}
            params={params}
            report={data}
            settingsDto={settings.data}
            editable={rights.can('plan', params.unit)}
          />
        )}
      </PageStatus>
    </div>
  );
}

/**
 * The report of one unit: its buttons, the settings of its document and the paper, which is
 * drawn from the report and the settings as they are typed.
 */
function ReportView({
  params,
  report,
  settingsDto,
  editable,
}: {
  params: ReportParams;
  report: ReportDto;
  settingsDto: ReportSettingsDto;
  editable: boolean;
}) {
  const id = useId();
  const s = useSettingsForm(params.unit, settingsDto, editable);
  const [date, setDate] = useState(todayIso);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  // A date being typed or cleared dates the document today, as the server does.
  const signDate = isValidIsoDate(date) ? date : todayIso();
  const doc = reportDocument(report, s.settings, signDate);
  const wordHref = reportDocxHref(params, signDate);
  const wordHint = `${id}-word`;

  const copy = async () => {
    const ok = await copyText(report.text);
    setNotice(
      ok
        ? { ok: true, text: 'Đã sao chép văn bản báo cáo; hãy dán vào văn bản của hội nghị.' }
        : { ok: false, text: 'Trình duyệt không cho sao chép; hãy chọn văn bản và sao chép bằng tay.' },
    );
  };

  // What is on the paper is what is downloaded: unsaved settings are saved first, then the file
  // comes; a refusal or a conflict stops it, shown in the form.
  const downloadWord = async (e: MouseEvent<HTMLAnchorElement>) => {
    if (!s.dirty) return;
    e.preventDefault();
    if (await s.submit()) download(wordHref);
  };

  return (
    <>
      <div className="report-bar report-actions">
        <div className="report-buttons">
          <button type="button" className="button" onClick={copy}>
            Sao chép văn bản
          </button>
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            In hoặc lưu PDF
          </button>
          {report.empty ? (
            <button type="button" className="button button-secondary" disabled aria-describedby={wordHint}>
              Tải Word
            </button>
          ) : (
            <a
              className="button button-secondary"
              href={wordHref}
              download
              onClick={downloadWord}
              aria-describedby={s.dirty ? wordHint : undefined}
              aria-disabled={s.saving.saving || undefined}
            >
              Tải Word
            </a>
          )}
          <a className="button button-secondary" href={reportXlsxHref(params)} download>
            Tải Excel
          </a>
        </div>
        {report.empty ? (
          <p id={wordHint} className="report-word-hint">
            {report.unit.name} chưa có chỉ tiêu, kết quả nào trong {lower(report.period.label)}: chưa có gì để
            lập văn bản Word.
          </p>
        ) : (
          s.dirty && (
            <p id={wordHint} className="report-word-hint">
              Thông tin văn bản có thay đổi chưa lưu: “Tải Word” sẽ lưu trước rồi tải.
            </p>
          )
        )}
        <p className={notice?.ok === false ? 'form-error' : 'form-success'} role="status">
          {notice?.text}
        </p>
      </div>

      {report.fromIndicators && report.lines.length > 0 && (
        <p className="card-hint report-actions">
          Đơn vị chưa ghi các chỉ tiêu chủ yếu của kỳ này, nên mỗi chỉ tiêu được giao là một dòng. Cấp ủy ghi
          các câu của nghị quyết ở trang “Chỉ tiêu chủ yếu”.
        </p>
      )}
      {!report.empty && (
        <section className="card summary-card report-actions" aria-label="Tóm tắt kết quả">
          {/* The dashboard's very counts for the unit and period (one headline). */}
          <Headline
            lines={report.headline.lines}
            single={report.headline.single}
            empty="Chưa có chỉ tiêu nào được giao trong kỳ này."
          />
        </section>
      )}

      <ReportSettingsSection s={s} date={date} onDate={setDate} />

      <ReportDocument doc={doc} />
    </>
  );
}
