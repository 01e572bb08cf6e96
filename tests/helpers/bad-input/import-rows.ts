import fc from 'fast-check';
import { IMPORT_COLUMNS, IMPORT_HEADER } from '../../../shared/import-export';
import { clip } from './check';
import { csvLine } from './files';
import { indicator, period } from './pieces';
import { badCodeText, badPeriodText, mayBePeriod } from './segments';
import { longText, oddString } from './text';
import { LOCKED, w } from './world';

// ---------------------------------------------------------------------------------------
// POST /api/import: broken forms, broken files, broken rows.

/** The eight cells of a valid row: an id or the names path, a value fit for the indicator. */
export const validRow = (units = w.units) =>
  fc
    .record({
      unit: fc.constantFrom(...units),
      byName: fc.boolean(),
      ind: indicator(),
      period,
      type: fc.constantFrom('target', 'result'),
    })
    .map(({ unit: u, byName, ind, period: p, type }) => {
      const name = u === '1' ? w.unitNames.get('1')! : `${w.unitNames.get('1')} / ${w.unitNames.get(u)}`;
      const cells = [byName ? name : u, ind.code, p, type, '', '', '', ''];
      const level = ind.levels ?? [];
      if (type === 'target')
        cells[4] = { count: '3', percent: '92,5', ratio: '80', level: level[level.length - 1]! }[ind.kind];
      else if (ind.kind === 'ratio') [cells[5], cells[6]] = ['3', '5'];
      else {
        cells[4] = { count: '4', percent: '70.25', level: level[0]!, ratio: '' }[ind.kind];
        cells[7] = 'Theo báo cáo';
      }
      return { key: `${u}|${ind.code}|${p}|${type}`, cells };
    });

export const uniqueRows = (min: number, units?: string[]) =>
  fc
    .uniqueArray(validRow(units), { minLength: min, maxLength: 3, selector: (r) => r.key })
    .map((rows) => rows.map((r) => r.cells));

/** Cell faults refused in any row, whatever its indicator and type. */
export const cellFault = (): fc.Arbitrary<{ column: number; value: string }> => {
  const codes = new Set(w.codes);
  const at = (column: (typeof IMPORT_COLUMNS)[number], values: fc.Arbitrary<string>) =>
    values.map((value) => ({ column: IMPORT_COLUMNS.indexOf(column), value }));
  return fc.oneof(
    at(
      'unit',
      fc.oneof(
        fc.constantFrom(
          '',
          '0',
          '-1',
          '1000',
          '99999999999999999',
          'Đơn vị không có thật',
          'Không có / Đơn vị nào',
        ),
        fc.integer({ min: 1000 }).map(String),
      ),
    ),
    at(
      'code',
      fc
        .oneof(fc.constantFrom('', 'KHONG_CO', 'ZZ', 'DV-HTT'), badCodeText(codes), oddString)
        .filter((s) => !codes.has(s.trim().toUpperCase())),
    ),
    at(
      'period',
      fc.oneof(
        fc.constant(''),
        badPeriodText.filter((s) => !mayBePeriod(s.trim())),
      ),
    ),
    at(
      'type',
      fc
        .oneof(fc.constantFrom('', 'targets', 'kết quả', 'kế hoạch', 'plan', 'tar get'), oddString)
        .filter((s) => !['target', 'result'].includes(s.trim().toLowerCase())),
    ),
    at(
      'value',
      fc.constantFrom('abc', '-5', '1e3', 'NaN', '1.234', '1.234.567', '5 người', '--1', '0x10', '12.5.1'),
    ),
    at('numerator', fc.constantFrom('-1', 'abc', '1.5', '1e3')),
    at('denominator', fc.constantFrom('0', '-3', 'abc', '0.5')),
    at(
      'note',
      fc.oneof(longText(2000), fc.constantFrom('Theo \u0001 báo cáo', '\u0007', 'Chú thích \u001b[31m')),
    ),
  );
};

export const badRow = () =>
  fc
    .tuple(
      validRow(),
      fc.array(cellFault(), { minLength: 1, maxLength: 2 }),
      fc.constantFrom('cells', 'extra cell', 'numerator above denominator', 'locked', 'stray quote'),
    )
    .map(([row, faults, how]) => {
      const cells = [...row.cells];
      // A row in a locked period is refused on its own (423 when nothing else is wrong).
      if (how !== 'locked') for (const f of faults) cells[f.column] = f.value;
      if (how === 'extra cell') cells.push('ô thừa');
      if (how === 'numerator above denominator') [cells[5], cells[6]] = ['9', '3'];
      if (how === 'locked') cells[2] = LOCKED;
      return { cells, strayQuote: how === 'stray quote' };
    });

export interface CsvFile {
  label: string;
  text: string;
}

export const csvOf = (
  header: string[],
  rows: { cells: string[]; strayQuote?: boolean }[],
  delimiter: string,
  eol: string,
) =>
  [
    csvLine(header, delimiter),
    ...rows.map((r) => `${r.strayQuote ? '"' : ''}${csvLine(r.cells, delimiter)}`),
  ].join(eol);

/** CSV files refused as a whole: a bad row among good ones, a wrong header, no rows. */
export const badCsv = (): fc.Arbitrary<CsvFile> => {
  const header = [...IMPORT_COLUMNS] as string[];
  const layout = fc.record({
    delimiter: fc.constantFrom(',', ',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
  });
  const wrongHeader = fc
    .oneof(
      fc.shuffledSubarray(header, { minLength: 8, maxLength: 8 }),
      fc.shuffledSubarray(header, { minLength: 1, maxLength: 7 }),
      fc.constant([...header, 'extra'] as string[]),
      fc
        .tuple(fc.nat(7), fc.oneof(oddString, fc.constantFrom('đơn vị', 'mã', 'kỳ', 'loại', 'units')))
        .map(([i, s]) => header.map((h, j) => (j === i ? s : h))),
      fc.constant([] as string[]),
    )
    .filter((h) => h.map((c) => c.trim().toLowerCase()).join(',') !== IMPORT_HEADER);
  const badRows = fc
    .tuple(uniqueRows(0), fc.array(badRow(), { minLength: 1, maxLength: 3 }), layout, fc.nat())
    .map(([good, bad, { delimiter, eol }, seed]) => {
      const rows: { cells: string[]; strayQuote?: boolean }[] = good.map((cells) => ({ cells }));
      for (const b of bad) rows.splice(seed % (rows.length + 1), 0, b);
      return {
        label: `bad rows ${clip(JSON.stringify(bad), 200)}`,
        text: csvOf(header, rows, delimiter, eol),
      };
    });
  return fc.oneof(
    // Most files get as far as their rows.
    { weight: 5, arbitrary: badRows },
    fc
      .tuple(uniqueRows(1), fc.array(validRow(), { minLength: 1, maxLength: 2 }), layout)
      .map(([good, dup, { delimiter, eol }]) => ({
        label: 'a row repeated',
        text: csvOf(
          header,
          [...good, ...dup.map((d) => d.cells), good[0]!].map((cells) => ({ cells })),
          delimiter,
          eol,
        ),
      })),
    fc.tuple(wrongHeader, uniqueRows(1), layout).map(([h, good, { delimiter, eol }]) => ({
      label: `header ${JSON.stringify(h)}`,
      text: csvOf(
        h,
        good.map((cells) => ({ cells })),
        delimiter,
        eol,
      ),
    })),
    fc
      .constantFrom('', '\n', '\n\n', ',,,,,,,', ',,,,,,,\n,,,,,,,')
      .map((rest) => ({ label: 'no rows', text: `${IMPORT_HEADER}\n${rest}` })),
    fc.tuple(uniqueRows(1)).map(([good]) => ({
      label: 'header on the second line',
      text: `\n${csvOf(
        header,
        good.map((cells) => ({ cells })),
        ',',
        '\n',
      )}`,
    })),
  );
};
