import { formatNumber } from '../../../../shared/format';
import { MEMBER_RATING_SHARE_LABELS, MEMBER_RATING_SHARES } from '../../../../shared/indicator';
import { judge } from '../../../../shared/judgement';
import { parseDecimalX100 } from '../../../../shared/value';
import { StatusBadge } from '../../../components/ui/status-badge';
import type { RatingCheck } from '../utils/rating-form';
import type { MemberRatingFormProps } from './member-rating-form';

/**
 * "Xem trước kết quả sẽ ghi vào chỉ tiêu": the two shares the counts give, each against the
 * target of the indicator it is written to, the 20% cap, and its warning.
 */
export function RatingPreview({
  id,
  check,
  bound,
  open,
}: {
  id: string;
  check: RatingCheck;
  bound: MemberRatingFormProps['bound'];
  /** Whether the period is still running (a result below target is "not yet", not "missed"). */
  open: boolean;
}) {
  const capWarning = check.warnings.find((w) => w.code === 'excellent_cap');
  return (
    <section className="value-preview mr-preview" aria-labelledby={id}>
      <h3 id={id} className="value-preview-title">
        Xem trước kết quả sẽ ghi vào chỉ tiêu
      </h3>
      <ul className="mr-share-list">
        {MEMBER_RATING_SHARES.map((s) => {
          const share = check.shares?.[s];
          const b = bound[s];
          const target = b?.target ? parseDecimalX100(String(b.target.value), 2) : null;
          const status =
            b && share && share.denominator > 0
              ? judge(
                  b.indicator,
                  target === null ? null : { type: 'number', x100: target },
                  { type: 'ratio', numerator: share.numerator, denominator: share.denominator },
                  open,
                )
              : null;
          return (
            <li key={s} data-testid={`share-${s}`}>
              <span className="mr-share-name">{b?.indicator.name ?? MEMBER_RATING_SHARE_LABELS[s]}</span>
              <span className="mr-share-figures">
                <strong className="mr-share-value" data-testid={`share-${s}-value`}>
                  {share?.display ?? '—'}
                </strong>
                {share && share.denominator > 0 && (
                  <span className="muted">
                    {' '}
                    ({formatNumber(share.numerator)}/{formatNumber(share.denominator)})
                  </span>
                )}
                {b?.target && <span className="mr-share-target">Kế hoạch {b.target.display}</span>}
                {status && <StatusBadge status={status} />}
              </span>
            </li>
          );
        })}
      </ul>
      {check.cap && check.cap.base > 0 && (
        <p className="field-hint mr-cap" data-testid="cap-line">
          Trần hoàn thành xuất sắc ({check.cap.percent}%): nhiều nhất {formatNumber(check.cap.allowed)} trên{' '}
          {formatNumber(check.cap.base)} đảng viên hoàn thành tốt nhiệm vụ trở lên.
        </p>
      )}
      <div role="status" className="mr-live">
        {capWarning && (
          <p className="lock-warning mr-warning" data-testid="cap-warning">
            <strong>Cảnh báo: </strong>
            {capWarning.message} Vẫn lưu được, kèm cảnh báo này.
          </p>
        )}
      </div>
      {Object.keys(bound).length < MEMBER_RATING_SHARES.length && (
        <p className="field-hint">
          Danh mục chưa gắn đủ chỉ tiêu nhận kết quả xếp loại; số liệu vẫn được lưu nhưng chưa ghi vào chỉ
          tiêu.
        </p>
      )}
    </section>
  );
}
