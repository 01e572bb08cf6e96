import { formatNumber } from '../../../../shared/format';
import { MEMBER_RATING_SHARE_LABELS, MEMBER_RATING_SHARES } from '../../../../shared/indicator';
import type { Status } from '../../../../shared/judgement';
import { RATING_LEVEL_LABELS, RATING_LEVELS } from '../../../../shared/ratings';
import { vietnamDateTime } from '../../../../shared/vietnam-time';
import { StatusBadge } from '../../../components/ui/status-badge';
import type { MemberRatingAnswer } from '../api/get-member-rating';
import './member-ratings.css';

/**
 * "Kết quả đã lưu": the four counts as stored, the two shares, the results written to the
 * indicators and the warnings the server gave: what a viewer reads and a reporter checks
 * after saving.
 */
export function MemberRatingSaved({
  data,
  periodLabel,
  indicatorName,
  judged,
  headingId,
}: {
  data: MemberRatingAnswer;
  periodLabel: string;
  indicatorName: (code: string) => string;
  /** The target and status of an indicator for this unit and period, from its dashboard. */
  judged: (code: string) => { target: string | null; status: Status } | undefined;
  headingId: string;
}) {
  const { rating, shares, results, warnings, capExceeded } = data;
  const summed = rating?.source === 'units';
  if (!rating)
    return (
      <>
        <h2 id={headingId} className="card-title">
          Kết quả đã lưu
        </h2>
        <p className="mr-none">Chưa có kết quả xếp loại nào được lưu cho {lowerFirst(periodLabel)}.</p>
      </>
    );
  return (
    <>
      <div className="card-head">
        <h2 id={headingId} className="card-title">
          {summed ? 'Tổng hợp từ các đơn vị trực thuộc' : 'Kết quả đã lưu'}
        </h2>
        <p className="card-hint" data-testid="rating-source">
          {summed
            ? `Cộng số của ${rating.coverage ? `${formatNumber(rating.coverage.reported)}/${formatNumber(rating.coverage.total)}` : 'các'} đơn vị đã báo cáo; đơn vị chưa tự nhập báo cáo của mình.`
            : `Lưu lúc ${vietnamDateTime(rating.updatedAt)}`}
        </p>
      </div>
      <div className="mr-saved">
        <table className="data-table compact-table mr-saved-table">
          <caption className="visually-hidden">Số đảng viên theo mức xếp loại đã lưu</caption>
          <thead>
            <tr>
              <th scope="col">Mức xếp loại</th>
              <th scope="col" className="num">
                Số đảng viên
              </th>
            </tr>
          </thead>
          <tbody>
            {RATING_LEVELS.map((l) => (
              <tr key={l} data-level={l}>
                <th scope="row">{RATING_LEVEL_LABELS[l]}</th>
                <td className="num">{formatNumber(rating[l])}</td>
              </tr>
            ))}
            <tr className="mr-total-row">
              <th scope="row">Tổng số được xếp loại</th>
              <td className="num">{formatNumber(rating.total)}</td>
            </tr>
            {!!rating.unrated && (
              <tr data-level="unrated">
                <th scope="row">Chưa xếp loại năm nay (không tính vào tỷ lệ)</th>
                <td className="num">{formatNumber(rating.unrated)}</td>
              </tr>
            )}
          </tbody>
        </table>
        <div className="mr-saved-side">
          {results.length > 0 ? (
            <ul
              className="mr-share-list"
              aria-label="Kết quả đã ghi vào chỉ tiêu"
              data-testid="saved-results"
            >
              {results.map((r) => {
                const j = judged(r.code);
                return (
                  <li key={r.code} data-code={r.code}>
                    <span className="mr-share-name">{indicatorName(r.code)}</span>
                    <span className="mr-share-figures">
                      <strong className="mr-share-value">
                        {r.display}
                        {r.numerator !== undefined && r.denominator !== undefined
                          ? ` (${formatNumber(r.numerator)}/${formatNumber(r.denominator)})`
                          : ''}
                      </strong>
                      {j?.target && <span className="mr-share-target">Kế hoạch {j.target}</span>}
                      {j && <StatusBadge status={j.status} />}
                    </span>
                  </li>
                );
              })}
            </ul>
          ) : (
            shares && (
              <ul className="mr-share-list" aria-label="Tỷ lệ theo kết quả đã lưu">
                {MEMBER_RATING_SHARES.map((s) => (
                  <li key={s}>
                    <span className="mr-share-name">{MEMBER_RATING_SHARE_LABELS[s]}</span>
                    <strong className="mr-share-value">
                      {`${shares[s].display} (${formatNumber(shares[s].numerator)}/${formatNumber(shares[s].denominator)})`}
                    </strong>
                  </li>
                ))}
              </ul>
            )
          )}
          {rating.outstanding && (
            <p className="field-hint">Đơn vị có thành tích nổi bật: trần hoàn thành xuất sắc là 25%.</p>
          )}
          {rating.note && <p className="mr-note">Ghi chú: {rating.note}</p>}
        </div>
      </div>
      {capExceeded && !warnings.some((w) => w.code === 'excellent_cap') && (
        <p className="lock-warning mr-warning" data-testid="saved-warning" data-code="excellent_cap">
          <strong>Cảnh báo: </strong>
          Số đảng viên hoàn thành xuất sắc nhiệm vụ vượt quá trần theo quy định.
        </p>
      )}
      {warnings.map((w) => (
        <p key={w.code} className="lock-warning mr-warning" data-testid="saved-warning" data-code={w.code}>
          <strong>Cảnh báo: </strong>
          {w.message}
        </p>
      ))}
    </>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
