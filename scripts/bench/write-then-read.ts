import type autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { CELL_ONLY_COUNT } from '../province';
import { type DashboardRow, figureOf, getJson } from './http';
import type { Province } from './read-province';
import { PERIOD, WRITE_PERIOD } from './settings';

// The write loop: results written at the cells while the root's dashboard is read, each read
// checked against the writes answered before it was sent; and the file beside the server, the
// truth the root's figure is compared with once the writes have settled.

export interface WriteState {
  base: number;
  committed: number;
  /** The sum of the writes sent and not yet answered. */
  inflight: number;
  busy: Set<number>;
  checks: number;
  exact: number;
  /** Reads that missed a write answered before they were sent. */
  stale: number;
  /** Reads showing more than was ever written (or no figure at all). */
  impossible: number;
  examples: string[];
  /** The server's root figure and the file's, each time the writes had settled. */
  settled: { server: number | null; file: number }[];
  refused: number;
  putMs: number[];
  readMs: number[];
}

export interface PutContext {
  put?: { cell: number; value: number; delta: number; at: number };
  read?: { lo: number; at: number };
}

export function writeThenRead(
  p: Province,
  state: WriteState,
  rootPath: string,
  cookie: string,
): autocannon.Request[] {
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const json = { cookie, 'content-type': 'application/json' };
  return [
    {
      method: 'PUT',
      setupRequest: (req, context) => {
        const ctx = context as PutContext;
        let cell = p.cells[Math.floor(rand() * p.cells.length)]!;
        while (state.busy.has(cell)) cell = p.cells[Math.floor(rand() * p.cells.length)]!;
        const old = p.written.get(cell) ?? null;
        // Only ever up: a root that stopped following the writes falls behind at once, where
        // writes both ways would let a stale figure wander inside the bounds.
        const delta = 1 + Math.floor(rand() * 3);
        const value = (old ?? 0) + delta;
        state.busy.add(cell);
        state.inflight += delta;
        ctx.put = { cell, value, delta, at: performance.now() };
        return {
          ...req,
          path: `/api/results/${cell}/${CELL_ONLY_COUNT}/${WRITE_PERIOD}`,
          headers: json,
          body: JSON.stringify({ value, note: 'Đo tải: ghi rồi đọc' }),
        };
      },
      onResponse: (status, _body, context) => {
        const put = (context as PutContext).put;
        if (!put) return;
        state.putMs.push(performance.now() - put.at);
        state.inflight -= put.delta;
        state.busy.delete(put.cell);
        if (status === 200) {
          state.committed += put.delta;
          p.written.set(put.cell, put.value);
        } else state.refused++;
      },
    },
    {
      method: 'GET',
      path: rootPath,
      headers: { cookie },
      setupRequest: (req, context) => {
        // Every write answered before this read is sent must show in it...
        (context as PutContext).read = { lo: state.base + state.committed, at: performance.now() };
        return req;
      },
      onResponse: (status, body, context) => {
        const read = (context as PutContext).read;
        if (!read) return;
        state.readMs.push(performance.now() - read.at);
        if (status !== 200) return;
        // ...and any write sent before its answer came back may: the server may take a later
        // request first. Nothing else can.
        const hi = state.base + state.committed + state.inflight;
        const figure = figureOf((JSON.parse(body) as { rows: DashboardRow[] }).rows);
        state.checks++;
        if (read.lo === hi) state.exact++;
        const wrong = figure === null || figure > hi ? 'impossible' : figure < read.lo ? 'stale' : null;
        if (wrong) {
          state[wrong]++;
          if (state.examples.length < 5)
            state.examples.push(
              `${wrong}: got ${figure}, expected ${read.lo === hi ? read.lo : `${read.lo}…${hi}`}`,
            );
        }
      },
    },
  ];
}

/** The truth beside the server: its database file, read on a connection of our own. */
export class Truth {
  private readonly db: Database.Database;
  private readonly total: Database.Statement<[number], { n: number | null }>;
  private readonly one: Database.Statement<[number, number], { x100: number | null }>;
  private readonly indicatorId: number;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.indicatorId = (
      this.db.prepare('SELECT id FROM indicators WHERE code = ?').get(CELL_ONLY_COUNT) as { id: number }
    ).id;
    // Nothing above the cells is entered for this indicator, so the root's year is the sum
    // of every half-year stored.
    this.total = this.db.prepare(
      `SELECT SUM(value_x100) AS n FROM results WHERE indicator_id = ? AND period IN ('${PERIOD}-H1', '${PERIOD}-H2')`,
    );
    this.one = this.db.prepare(
      `SELECT value_x100 AS x100 FROM results WHERE indicator_id = ? AND unit_id = ? AND period = '${WRITE_PERIOD}'`,
    );
  }
  rootFigure = () => (this.total.get(this.indicatorId)?.n ?? 0) / 100;
  cellValue = (cell: number) => {
    const row = this.one.get(this.indicatorId, cell);
    return row ? (row.x100 ?? 0) / 100 : null;
  };
  close = () => this.db.close();
}

/**
 * After a run stopped with writes under way (they may or may not have landed), waits for
 * the server to finish them, learns from the file what they left, and checks that the
 * server's root figure is exactly the file's.
 */
export async function resync(
  base: string,
  cookie: string,
  p: Province,
  state: WriteState,
  truth: Truth,
  rootPath: string,
) {
  let last = Number.NaN;
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = truth.rootFigure();
    if (now === last) break;
    last = now;
  }
  for (const cell of state.busy) p.written.set(cell, truth.cellValue(cell));
  state.busy.clear();
  state.inflight = 0;
  state.committed = 0;
  state.base = truth.rootFigure();
  const figure = figureOf((await getJson<{ rows: DashboardRow[] }>(base + rootPath, cookie)).rows);
  state.settled.push({ server: figure, file: state.base });
}
