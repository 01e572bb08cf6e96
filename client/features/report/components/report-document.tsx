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
        <ReportTable
          label="Bảng tổng hợp các chỉ tiêu"
          title="Bảng tổng hợp kết quả thực hiện các chỉ tiêu"
          heads={['Kế hoạch', 'Thực hiện', 'Tỷ lệ so với kế hoạch', 'Đánh giá']}
          rows={report.table.map((r) => ({
            row: r,
            dataKey: 'data-code',
            figures: [r.target?.display ?? '—', figure(r.result), formatAchievement(r.achievement)],
            verdict: STATUS_LABELS[r.status],
          }))}
        />
      )}

      {basis && (
        <ReportTable
          label={`Tiến độ so với kế hoạch ${lower(basis)}`}
          title={`Tiến độ so với kế hoạch ${lower(basis)}`}
          heads={[`Kế hoạch ${lower(basis)}`, 'Lũy kế', 'Tỷ lệ so với kế hoạch', 'Tiến độ']}
          rows={withProgress.map((r) => ({
            row: r,
            dataKey: 'data-progress',
            figures: [
              r.progress!.target.display,
              figure(r.progress!.result),
              formatAchievement(r.progress!.achievement),
            ],
            verdict: PACE_LABELS[r.progress!.pace],
          }))}
        />
      )}
    </article>
  );
}

type ReportRow = ReportDto['table'][number];

interface TableRow {
  row: ReportRow;
  /** The attribute that names the row's indicator, for tests and links. */
  dataKey: 'data-code' | 'data-progress';
  /** Target, result and achievement, as shown. */
  figures: [string, string, string];
  verdict: string;
}

/** One of the report's two tables: TT, Chỉ tiêu, ĐVT, then three figures and a verdict. */
function ReportTable({
  label,
  title,
  heads,
  rows,
}: {
  label: string;
  title: string;
  heads: string[];
  rows: TableRow[];
}) {
  const widths = ['6%', '33%', '10%', '13%', '15%', '11%', '12%'];
  return (
    <section className="report-table-block" aria-label={label}>
      <h3 className="report-table-title">{title}</h3>
      <table className="report-table">
        <colgroup>
          {widths.map((w) => (
            <col key={w} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {['TT', 'Chỉ tiêu', 'ĐVT', ...heads].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, dataKey, figures, verdict }, i) => {
            const text = row.indicator.kind === 'level' ? 't' : 'n';
            return (
              <tr key={row.indicator.code} {...{ [dataKey]: row.indicator.code }}>
                <td className="c">{i + 1}</td>
                <td>{row.indicator.name}</td>
                <td className="c">{row.indicator.unitLabel}</td>
                <td className={text}>{figures[0]}</td>
                <td className={text}>{figures[1]}</td>
                <td className="n">{figures[2]}</td>
                <td className="c">{verdict}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
