import ExcelJS from 'exceljs';
import type { INDICATOR_KINDS } from '../../../shared/indicator';
import type { TestApp } from '../app';

// The world of tests/api/bad-input.test.ts: what a request is, the demo organisation it is
// sent to (set once by the test's setup), and the periods and units it writes to.

export type Body = Record<string, unknown>;
export type Who = 'admin' | 'anonymous' | 'committee' | 'unitAdmin';

/** A file or a text field of a multipart form. */
export interface FormPart {
  name: string;
  text?: string;
  file?: { bytes: Uint8Array; name: string };
}

/** One request, as plain data so that fast-check can print and shrink it. */
export interface Req {
  method: string;
  path: string;
  as: Who;
  /** Undefined: none set by the test (a text body then goes as text/plain). */
  contentType?: string | null;
  body?: string | Uint8Array | FormPart[];
  cookie?: string;
  /** What makes the request wrong, for the failure message. */
  faults: string[];
  /** The strings the request carries, which a message may quote back. */
  echoes: string[];
}

export interface Indicator {
  code: string;
  kind: (typeof INDICATOR_KINDS)[number];
  levels?: string[];
}

export interface World {
  t: TestApp;
  callers: Record<Who, TestApp['anonymous']>;
  units: string[];
  unitNames: Map<string, string>;
  indicators: Indicator[];
  codes: string[];
  levels: Set<string>;
  /** Units that cannot be removed: they hold units, values or grants. */
  undeletable: string[];
  adminId: string;
  /** A viewer on unit 2, whom the admin may edit. */
  memberId: string;
  /** A viewer on unit 3: outside unit 2's subtree. */
  otherId: string;
  userIds: string[];
  /** Units outside unit 2's subtree, where the callers granted on unit 2 have no rights. */
  outside: string[];
  xlsx: { export: Uint8Array; badRows: Uint8Array[]; wrongHeader: Uint8Array[] };
}

// Periods that valid requests write to: none of them is locked or holds the lock below.
export const WRITE_PERIODS = [
  '2026',
  '2026-H1',
  '2026-H2',
  '2026-Q4',
  '2025',
  '2025-H2',
  'NH2025-2026',
  'NK2025-2030',
];
/** Locked in the setup, for the whole tree: writing there is refused with 423. */
export const LOCKED = '2022';
export const LOCKED_PERIODS = ['2022', '2022-H1', '2022-H2', '2022-Q3'];
/** A valid period with nothing stored in it: removing a value there finds nothing. */
export const EMPTY_PERIOD = '2199';
/** A version no value reaches in a test: writing with it is a conflict. */
export const STALE = 987_654;
/** The unit the outsiders are granted on: a chi bộ with no units under it. */
export const OWN_UNIT = '2';

/** Set by the test's setup before any generator is built. */
export let w: World;
export const setWorld = (world: World) => {
  w = world;
};

export async function xlsxOf(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Số liệu');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
