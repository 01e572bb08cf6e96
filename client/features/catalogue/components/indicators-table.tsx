import type { ReactNode } from 'react';
import {
  DIRECTION_LABELS,
  KIND_LABELS,
  type MemberRatingShare,
  TIME_AGGREGATE_LABELS,
} from '../../../../shared/indicator';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import { kindsText } from '../../../../shared/unit';

// The share in a few words, under a name that usually says the rest.
const MEMBER_RATING_SHORT: Record<MemberRatingShare, string> = {
  good_or_better: 'tỷ lệ hoàn thành tốt nhiệm vụ trở lên',
  excellent: 'tỷ lệ hoàn thành xuất sắc nhiệm vụ',
};

/** "số chi bộ có Xếp loại chi bộ từ Hoàn thành tốt nhiệm vụ trở lên", from the rule. */
function derivedText(
  rule: { indicator: string; atLeast: string; kinds: string[] },
  all: IndicatorDto[],
  ratio: boolean,
): string {
  const by = all.find((i) => i.code === rule.indicator)?.name ?? rule.indicator;
  return `${ratio ? 'tỷ lệ' : 'số'} ${kindsText(rule.kinds)} trực thuộc có “${by}” từ “${rule.atLeast}” trở lên`;
}

/**
 * The catalogue as a table: order, code, name (with its scale of levels and its binding to
 * the member ratings), ĐVT, kind, direction, aggregation over periods, and the actions the
 * caller gives for each row. On a phone each row becomes a card of label: value pairs.
 */
export function IndicatorsTable({
  indicators,
  caption,
  archived = false,
  actions,
  catalogue = indicators,
}: {
  indicators: IndicatorDto[];
  /** The whole catalogue, to name the indicator a derived one counts by. */
  catalogue?: IndicatorDto[];
  caption: string;
  archived?: boolean;
  actions?: (indicator: IndicatorDto, index: number) => ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={`data-table indicators-table${archived ? ' is-archived' : ''}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-tt">
              TT
            </th>
            <th scope="col">Mã</th>
            <th scope="col">Tên chỉ tiêu</th>
            <th scope="col" className="col-unit-label">
              ĐVT
            </th>
            <th scope="col" className="col-kind">
              Loại
            </th>
            <th scope="col" className="col-direction">
              Chiều đánh giá
            </th>
            <th scope="col" className="col-aggregate">
              Cộng dồn theo kỳ
            </th>
            {actions && (
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Thao tác</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind, i) => (
            <tr key={ind.code} data-indicator={ind.code}>
              <td className="col-tt" data-label="TT">
                {i + 1}
              </td>
              <td className="col-code" data-label="Mã">
                <code>{ind.code}</code>
              </td>
              <th scope="row" className="col-name" data-label="Tên chỉ tiêu">
                <div>
                  <span className="indicator-name">{ind.name}</span>
                  {archived && <span className="archived-badge">Đã lưu trữ</span>}
                  {ind.kind === 'level' && ind.levels && (
                    <span className="indicator-extra" data-testid="levels">
                      Các mức (thấp đến cao): {ind.levels.join(' < ')}
                    </span>
                  )}
                  {ind.appliesTo && (
                    <span className="indicator-extra" data-testid="applies-to">
                      Chỉ áp dụng cho: {kindsText(ind.appliesTo)}
                    </span>
                  )}
                  {ind.derived && (
                    <span className="indicator-extra indicator-derived" data-testid="derived">
                      Tự tính: {derivedText(ind.derived.countUnits, catalogue, ind.kind === 'ratio')}
                    </span>
                  )}
                  {ind.memberRating && (
                    <span className="indicator-extra" data-testid="member-rating">
                      Nhận từ xếp loại đảng viên: {MEMBER_RATING_SHORT[ind.memberRating]}
                    </span>
                  )}
                </div>
              </th>
              <td className="col-attr col-unit-label" data-label="ĐVT">
                {ind.unitLabel}
              </td>
              <td className="col-attr col-kind" data-label="Loại">
                {KIND_LABELS[ind.kind]}
              </td>
              <td className="col-attr col-direction" data-label="Chiều đánh giá">
                {DIRECTION_LABELS[ind.direction]}
              </td>
              <td className="col-attr col-aggregate" data-label="Cộng dồn theo kỳ">
                {TIME_AGGREGATE_LABELS[ind.timeAggregate]}
              </td>
              {actions && <td className="col-actions">{actions(ind, i)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
