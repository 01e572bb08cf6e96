import { formatDateLong, formatNumber } from '../../../../shared/format';
import { STATUS_LABELS } from '../../../../shared/judgement';
import { PACE_LABELS } from '../../../../shared/progress';
import type { ReportDto } from '../../../../shared/schemas/report';
import { formatAchievement } from '../../dashboard/utils/achievement';
import './report-document.css';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

type Figure = { display: string; numerator?: number | undefined; denominator?: number | undefined } | null;

function figure(f: Figure): string {
  if (!f) return '—';
  return f.numerator !== undefined && f.denominator !== undefined
    ? `${f.display} (${formatNumber(f.numerator)}/${formatNumber(f.denominator)})`
    : f.display;
}

/**
 * The report as a document: on screen a sheet of paper, in print an A4 page in the
 * administrative layout (Times New Roman, margins 20 mm top and bottom, 30 mm left, 15 mm
 * right). Its sentences are the server's, so what is printed is what is copied.
 */
export function ReportDocument({ report }: { report: ReportDto }) {
  const [title, subtitle] = report.title;
  const withProgress = report.table.filter((r) => r.progress);
  const basis = withProgress[0]?.progress?.period.label;

  return (
    <article className="report-paper" aria-label={`${title} — ${subtitle}`}>
      <header className="report-head">
        <h2 className="report-title">{title}</h2>
        <p className="report-subtitle">{subtitle}</p>
        <p className="report-date">(Số liệu tính đến {formatDateLong(report.countedTo)})</p>
      </header>

      <p className="report-intro">{report.intro}</p>
      {report.lines.length === 0 ? (
        <p className="report-empty">
          {report.unit.name} chưa có chỉ tiêu nào được giao trong {lower(report.period.label)}.
        </p>
      ) : (
        <ul className="report-lines">
          {report.lines.map((line) => {
            // The verdict is set in bold, as the secretary marks it by hand; the rest as written.
            const marker = `: ${STATUS_LABELS[line.status]}.`;
            const at = line.sentence.indexOf(marker);
            const head = at >= 0 ? line.sentence.slice(2, at) : line.sentence.slice(2);
            const tail = at >= 0 ? line.sentence.slice(at + marker.length) : '';
            return (
              <li key={line.sentence} data-status={line.status}>
                {head}:{' '}
                <strong className={`report-verdict verdict-${line.status}`}>
                  {STATUS_LABELS[line.status]}
                </strong>
                .{tail}
              </li>
            );
          })}
        </ul>
      )}
      {report.mode === 'progress' && report.summary.onPace !== undefined && (
        <p className="report-summary-line">
          Có {report.summary.onPace}/{report.summary.total} chỉ tiêu đúng tiến độ so với kế hoạch{' '}
          {lower(report.basis.label)}.
        </p>
      )}
      {report.targetsText && <p className="report-summary-line">{report.targetsText}</p>}
      <p className="report-summary">{report.summaryText}</p>

      {report.table.length > 0 && (
        <section className="report-table-block" aria-label="Bảng tổng hợp các chỉ tiêu">
          <h3 className="report-table-title">Bảng tổng hợp kết quả thực hiện các chỉ tiêu</h3>
          <table className="report-table">
            <colgroup>
              <col style={{ width: '6%' }} />
              <col style={{ width: '33%' }} />
              <col style={{ width: '10%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '15%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '12%' }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">TT</th>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">ĐVT</th>
                <th scope="col">Kế hoạch</th>
                <th scope="col">Thực hiện</th>
                <th scope="col">Tỷ lệ so với kế hoạch</th>
                <th scope="col">Đánh giá</th>
              </tr>
            </thead>
            <tbody>
              {report.table.map((r, i) => (
                <tr key={r.indicator.code} data-code={r.indicator.code}>
                  <td className="c">{i + 1}</td>
                  <td>{r.indicator.name}</td>
                  <td className="c">{r.indicator.unitLabel}</td>
                  <td className={r.indicator.kind === 'level' ? 't' : 'n'}>{r.target?.display ?? '—'}</td>
                  <td className={r.indicator.kind === 'level' ? 't' : 'n'}>{figure(r.result)}</td>
                  <td className="n">{formatAchievement(r.achievement)}</td>
                  <td className="c">{STATUS_LABELS[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {basis && (
        <section className="report-table-block" aria-label={`Tiến độ so với kế hoạch ${lower(basis)}`}>
          <h3 className="report-table-title">Tiến độ so với kế hoạch {lower(basis)}</h3>
          <table className="report-table">
            <colgroup>
              <col style={{ width: '6%' }} />
              <col style={{ width: '33%' }} />
              <col style={{ width: '10%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '15%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '12%' }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">TT</th>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">ĐVT</th>
                <th scope="col">Kế hoạch {lower(basis)}</th>
                <th scope="col">Lũy kế</th>
                <th scope="col">Tỷ lệ so với kế hoạch</th>
                <th scope="col">Tiến độ</th>
              </tr>
            </thead>
            <tbody>
              {withProgress.map((r, i) => (
                <tr key={r.indicator.code} data-progress={r.indicator.code}>
                  <td className="c">{i + 1}</td>
                  <td>{r.indicator.name}</td>
                  <td className="c">{r.indicator.unitLabel}</td>
                  <td className={r.indicator.kind === 'level' ? 't' : 'n'}>{r.progress!.target.display}</td>
                  <td className={r.indicator.kind === 'level' ? 't' : 'n'}>{figure(r.progress!.result)}</td>
                  <td className="n">{formatAchievement(r.progress!.achievement)}</td>
                  <td className="c">{PACE_LABELS[r.progress!.pace]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}
