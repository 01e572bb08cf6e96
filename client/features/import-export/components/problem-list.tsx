import { formatNumber } from '../../../../shared/format';
import type { ImportProblem } from '../../../../shared/import-export';
import { columnWords } from '../utils/import-words';

/** Every problem of a refused file, by row and column, as the spreadsheet numbers them. */
export function ProblemList({ problems, count }: { problems: ImportProblem[]; count: number }) {
  return (
    <div className="ie-table-wrap">
      <table className="data-table ie-table ie-problems">
        <caption className="visually-hidden">Các lỗi của tệp, theo dòng và cột</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Dòng
            </th>
            <th scope="col">Cột</th>
            <th scope="col">Lỗi</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several problems, in a fixed order
            <tr key={`${p.row}-${p.column}-${i}`}>
              <td className="num" data-label="Dòng">
                {formatNumber(p.row)}
              </td>
              <td data-label="Cột">{columnWords(p.column)}</td>
              <td data-label="Lỗi" className="ie-wide">
                {p.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {count > problems.length && (
        <p className="field-hint ie-more">
          Chỉ hiện {formatNumber(problems.length)} lỗi đầu; tệp có tất cả {formatNumber(count)} lỗi.
        </p>
      )}
    </div>
  );
}
