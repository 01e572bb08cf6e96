import { formatNumber, formatPercentX100 } from '../../../../shared/format';
import {
  excellentCap,
  type MemberRatingDto,
  RATING_LEVEL_SHORT,
  RATING_LEVELS,
  type RatingCounts,
  ratingTotal,
  sumRatings,
} from '../../../../shared/ratings';
import { type RollupRule, sourceWords } from '../../../../shared/rollup-words';
import { ratioPercentX100 } from '../../../../shared/value';
import { ScrollBox } from '../../../components/ui/scroll-box';
import type { MemberRatingAnswer } from '../api/get-member-rating';

/** Member ratings add up across units like a count; no rule over periods is involved. */
const COUNTS_ADDED_UP: RollupRule = { timeAggregate: 'none' };

type UnitRating = NonNullable<MemberRatingAnswer['units']>[number];

const share = (n: number, d: number) => (d > 0 ? formatPercentX100(ratioPercentX100(n, d)) : '—');

function Counts({ rating }: { rating: RatingCounts }) {
  const total = ratingTotal(rating);
  return (
    <>
      {RATING_LEVELS.map((l) => (
        <td key={l} className="num" data-level={l}>
          {formatNumber(rating[l])}
        </td>
      ))}
      <td className="num">{formatNumber(rating.unrated ?? 0)}</td>
      <td className="num">{formatNumber(total)}</td>
      <td className="num">{share(rating.excellent + rating.good, total)}</td>
      <td className="num">{share(rating.excellent, total)}</td>
    </>
  );
}

/**
 * At a committee: each unit directly below with its members' ratings (its own report, else
 * its units' sum), and the committee's sum under them, the 20% cap checked on every line.
 */
export function UnitsRatingsTable({
  units,
  own,
  ownCapExceeded,
  headingId,
}: {
  units: UnitRating[];
  /** The committee's ratings: its own report, or the sum of its units' (source units). */
  own: MemberRatingDto | null;
  ownCapExceeded: boolean;
  headingId: string;
}) {
  const reported = units.flatMap((u) => (u.rating ? [u.rating] : []));
  const sum = reported.length > 0 ? sumRatings(reported) : null;
  // The committee's own sum is the server's when it has no report; its check is the server's too.
  const sumBroken = own?.source === 'units' ? ownCapExceeded : sum ? excellentCap(sum).broken : false;
  const entered = own && own.source !== 'units' ? own : null;
  const capNote = (broken: boolean) =>
    broken ? (
      <span className="mr-cap-broken" data-testid="cap-exceeded">
        <span aria-hidden="true">⚠ </span>Vượt trần xuất sắc
      </span>
    ) : null;
  return (
    <>
      <div className="card-head">
        <h2 id={headingId} className="card-title">
          Xếp loại của các đơn vị trực thuộc
        </h2>
        <p className="card-hint">
          Số của từng đơn vị (đơn vị chưa báo cáo thì để trống) và tổng cộng; trần 20% số hoàn thành tốt trở
          lên được xét ở từng đơn vị và ở tổng.
        </p>
      </div>
      <ScrollBox label="Bảng xếp loại của các đơn vị trực thuộc">
        <table className="data-table compact-table mr-units-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              {RATING_LEVELS.map((l) => (
                <th key={l} scope="col" className="num">
                  {RATING_LEVEL_SHORT[l]}
                </th>
              ))}
              <th scope="col" className="num">
                Chưa xếp loại
              </th>
              <th scope="col" className="num">
                Tổng số
              </th>
              <th scope="col" className="num">
                HTTNV trở lên
              </th>
              <th scope="col" className="num">
                HTXSNV
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unit.id} data-unit={u.unit.id} className={u.capExceeded ? 'is-over-cap' : undefined}>
                <th scope="row">
                  {u.unit.name}
                  {u.rating?.source === 'units' && (
                    <span className="mr-unit-note">
                      {sourceWords({ source: 'units', coverage: u.rating.coverage }, COUNTS_ADDED_UP)}
                    </span>
                  )}
                  {capNote(u.capExceeded)}
                </th>
                {u.rating ? (
                  <Counts rating={u.rating} />
                ) : (
                  <td colSpan={RATING_LEVELS.length + 4} className="muted">
                    Chưa báo cáo
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          {(sum || entered) && (
            <tfoot>
              {sum && (
                <tr className={`mr-total-row${sumBroken ? ' is-over-cap' : ''}`} data-unit="sum">
                  <th scope="row">
                    Cộng các đơn vị
                    <span className="mr-unit-note">
                      {formatNumber(reported.length)}/
                      {formatNumber(
                        own?.source === 'units' && own.coverage ? own.coverage.total : units.length,
                      )}{' '}
                      đơn vị đã báo cáo
                    </span>
                    {capNote(sumBroken)}
                  </th>
                  <Counts rating={sum} />
                </tr>
              )}
              {entered && (
                <tr className={ownCapExceeded ? 'is-over-cap' : undefined} data-unit="own">
                  <th scope="row">
                    Báo cáo của chính đơn vị
                    <span className="mr-unit-note">được dùng thay cho số cộng</span>
                    {capNote(ownCapExceeded)}
                  </th>
                  <Counts rating={entered} />
                </tr>
              )}
            </tfoot>
          )}
        </table>
      </ScrollBox>
    </>
  );
}
