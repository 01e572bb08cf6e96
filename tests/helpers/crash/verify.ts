import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createApp } from '../../../server/app';
import { openDatabase } from '../../../server/db/client';
import { getJson } from '../server-process';
import { type CrashLoad, IMPORT_YEARS, keyOf, marker, WRITE_YEAR } from './load';

// What tests/api/crash.test.ts checks after every kill: the file, read on a connection of the
// test's own, against what the load sent and was answered; and the restarted server's answers
// against those of an app opened afresh on the file.

/**
 * Reads the WAL a killed server left: how many valid frames (checksums chained from the
 * header, salts matching) it holds after the last commit frame. Frames after the last
 * commit are a write transaction the kill cut short (SQLite spills a large transaction's
 * pages into the WAL before its commit frame), which recovery must ignore.
 */
export function walTail(path: string): { frames: number; uncommitted: number } {
  if (!existsSync(path)) return { frames: 0, uncommitted: 0 };
  const buf = readFileSync(path);
  if (buf.length < 32) return { frames: 0, uncommitted: 0 };
  const magic = buf.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return { frames: 0, uncommitted: 0 };
  const big = magic === 0x377f0683;
  const word = (i: number) => (big ? buf.readUInt32BE(i) : buf.readUInt32LE(i));
  const sum = (start: number, end: number, s: [number, number]): [number, number] => {
    let [s0, s1] = s;
    for (let i = start; i < end; i += 8) {
      s0 = (s0 + word(i) + s1) >>> 0;
      s1 = (s1 + word(i + 4) + s0) >>> 0;
    }
    return [s0, s1];
  };
  const pageSize = buf.readUInt32BE(8);
  let s = sum(0, 24, [0, 0]);
  if (s[0] !== buf.readUInt32BE(24) || s[1] !== buf.readUInt32BE(28)) return { frames: 0, uncommitted: 0 };
  const salt = [buf.readUInt32BE(16), buf.readUInt32BE(20)];
  let frames = 0;
  let lastCommit = 0;
  for (let off = 32; off + 24 + pageSize <= buf.length; off += 24 + pageSize) {
    if (buf.readUInt32BE(off + 8) !== salt[0] || buf.readUInt32BE(off + 12) !== salt[1]) break;
    s = sum(off + 24, off + 24 + pageSize, sum(off, off + 8, s));
    if (s[0] !== buf.readUInt32BE(off + 16) || s[1] !== buf.readUInt32BE(off + 20)) break;
    frames++;
    if (buf.readUInt32BE(off + 4) !== 0) lastCommit = frames;
  }
  return { frames, uncommitted: frames - lastCommit };
}

/** Everything the file must show, read on a connection of the test's own. */
export function verify(run: CrashLoad, dbPath: string, when: string, finalCheck = false) {
  const { problems, figures, imports, partial, resultPrefixes, targetPrefixes, byKey } = run;
  const db = new Database(dbPath, { fileMustExist: true });
  const fail = (what: string) => problems.push(`${when}: ${what}`);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) fail(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);

    // Imports: each one's history is all its rows or none, and the keys hold the last one landed.
    const resultHistory = new Map(
      (
        db
          .prepare(
            `SELECT note, count(*) AS n, max(id) AS last FROM history WHERE type = 'result' AND ${IMPORT_YEARS} GROUP BY note`,
          )
          .all() as { note: string; n: number; last: number }[]
      ).map((r) => [r.note, r]),
    );
    const targetHistory = new Map(
      (
        db
          .prepare(
            `SELECT json_extract(after, '$.value') AS v, count(*) AS n FROM history WHERE type = 'target' AND ${IMPORT_YEARS} GROUP BY v`,
          )
          .all() as { v: number; n: number }[]
      ).map((r) => [r.v, r.n]),
    );
    let latest: { serial: number; last: number } | null = null;
    for (const run of imports.values()) {
      const r = resultHistory.get(marker(run.serial));
      resultHistory.delete(marker(run.serial));
      const rn = r?.n ?? 0;
      const tn = targetHistory.get(run.serial) ?? 0;
      targetHistory.delete(run.serial);
      const landed = rn > 0 || tn > 0;
      if (
        (rn !== 0 && rn !== resultPrefixes.length) ||
        (tn !== 0 && tn !== targetPrefixes.length) ||
        (rn === 0) !== (tn === 0)
      ) {
        partial.add(run.serial);
        fail(`import ${run.serial} is partly there: ${rn} results, ${tn} targets in its history`);
      }
      if (run.state === 'acknowledged' && !landed) {
        figures.acknowledgedLost++;
        fail(`acknowledged import ${run.serial} is gone`);
      }
      if (run.landed === null) {
        run.landed = landed;
        if (run.state === 'unanswered') {
          figures.importsInterrupted++;
          if (landed) figures.interruptedImportsLanded++;
        }
      } else if (run.landed !== landed) fail(`import ${run.serial} was ${run.landed ? '' : 'not '}there`);
      if (landed && r && (!latest || r.last > latest.last)) latest = { serial: run.serial, last: r.last };
    }
    if (resultHistory.size > 0 || targetHistory.size > 0)
      fail(`history of imports never sent: ${[...resultHistory.keys(), ...targetHistory.keys()].join(', ')}`);
    const held = db
      .prepare(
        `SELECT note, value_x100 AS x, count(*) AS n FROM results WHERE ${IMPORT_YEARS} GROUP BY note, value_x100`,
      )
      .all();
    const heldTargets = db
      .prepare(`SELECT value_x100 AS x, count(*) AS n FROM targets WHERE ${IMPORT_YEARS} GROUP BY value_x100`)
      .all();
    const s = latest?.serial;
    const want = s ? [{ note: marker(s), x: s * 100, n: resultPrefixes.length }] : [];
    const wantTargets = s ? [{ x: s * 100, n: targetPrefixes.length }] : [];
    if (
      JSON.stringify(held) !== JSON.stringify(want) ||
      JSON.stringify(heldTargets) !== JSON.stringify(wantTargets)
    ) {
      partial.add(latest?.serial ?? 0);
      fail(
        `imported keys hold ${JSON.stringify(held)} and ${JSON.stringify(heldTargets)}, not import ${s ?? '(none)'} whole`,
      );
    }

    // Single writes: the last acknowledged value, or the one whose answer never came.
    const stored = new Map(
      (
        db
          .prepare(
            `SELECT 'result' AS type, r.unit_id AS unitId, i.code, r.period, r.value_x100 AS x, r.note
             FROM results r JOIN indicators i ON i.id = r.indicator_id WHERE r.${WRITE_YEAR}
             UNION ALL
             SELECT 'target', t.unit_id, i.code, t.period, t.value_x100, NULL
             FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE t.${WRITE_YEAR}`,
          )
          .all() as {
          type: string;
          unitId: number;
          code: string;
          period: string;
          x: number;
          note: string;
        }[]
      ).map((r) => [keyOf(r), r]),
    );
    const histories = new Map(
      (
        db
          .prepare(
            `SELECT g.type, g.unitId, g.code, g.period, g.n, h.action, json_extract(h.after, '$.value') AS value
             FROM (SELECT type, unit_id AS unitId, code, period, count(*) AS n, max(id) AS last FROM history
                   WHERE type IN ('result', 'target') AND ${WRITE_YEAR} GROUP BY type, unit_id, code, period) g
             JOIN history h ON h.id = g.last`,
          )
          .all() as {
          type: string;
          unitId: number;
          code: string;
          period: string;
          n: number;
          action: string;
          value: number;
        }[]
      ).map((r) => [keyOf(r), r]),
    );
    for (const k of byKey.values()) {
      const row = stored.get(keyOf(k));
      const value = row ? row.x / 100 : null;
      if (value !== k.known) {
        if (k.pending !== null && value === k.pending) {
          k.landed++;
          figures.unansweredWritesLanded++;
        } else {
          if (k.known !== null) figures.acknowledgedLost++;
          fail(
            `${keyOf(k)} holds ${value}, acknowledged ${k.known}${k.pending === null ? '' : `, unanswered ${k.pending}`}`,
          );
        }
      }
      if (row && k.type === 'result' && row.note !== `ghi ${value}`)
        fail(`${keyOf(k)} holds ${value} with the note "${row.note}"`);
      const h = histories.get(keyOf(k));
      if ((h?.n ?? 0) !== k.landed) fail(`${keyOf(k)}: ${h?.n ?? 0} history rows for ${k.landed} writes`);
      if (h && (h.action === 'delete' || h.value !== value))
        fail(`${keyOf(k)}: history ends at ${h.action} ${h.value}, the file holds ${value}`);
      k.known = value;
      k.pending = null;
    }
    if (finalCheck && [...byKey.values()].some((k) => k.pending !== null)) fail('writes still pending');

    // Everywhere: the last change recorded for a value is the value stored.
    const disagreeing = db
      .prepare(
        `WITH last AS (
           SELECT type, unit_id, code, period, max(id) AS id FROM history
           WHERE type IN ('result', 'target') GROUP BY type, unit_id, code, period),
         stored AS (
           SELECT 'result' AS type, r.unit_id, i.code, r.period, r.version, r.updated_at
           FROM results r JOIN indicators i ON i.id = r.indicator_id
           UNION ALL
           SELECT 'target', t.unit_id, i.code, t.period, t.version, t.updated_at
           FROM targets t JOIN indicators i ON i.id = t.indicator_id)
         SELECT last.type, last.unit_id AS unitId, last.code, last.period, h.action, s.version
         FROM last JOIN history h ON h.id = last.id
         LEFT JOIN stored s ON s.type = last.type AND s.unit_id = last.unit_id
           AND s.code = last.code AND s.period = last.period
         WHERE (h.action = 'delete') = (s.version IS NOT NULL)
            OR json_extract(h.after, '$.version') IS NOT s.version
            OR json_extract(h.after, '$.updatedAt') IS NOT s.updated_at
         LIMIT 5`,
      )
      .all();
    if (disagreeing.length > 0) fail(`history disagrees with the values: ${JSON.stringify(disagreeing)}`);
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    figures.largestDatabaseMB = Math.max(figures.largestDatabaseMB, (pages * pageSize) / 1e6);
  } finally {
    db.close();
  }
}

/** The server's answers against those of an app opened afresh on the file, in this process. */
export async function compareDashboards(
  run: CrashLoad,
  dbPath: string,
  base: string,
  dashboards: string[],
  when: string,
) {
  const { problems, figures, cookie } = run;
  const db = openDatabase(dbPath);
  try {
    const fresh = createApp({ db });
    for (const path of dashboards) {
      const live = await getJson(base, path, cookie);
      const res = await fresh.request(path, { headers: { cookie } });
      const again = await res.json();
      figures.dashboardsCompared++;
      if (res.status !== 200 || JSON.stringify(live) !== JSON.stringify(again))
        problems.push(`${when}: ${path} differs from a fresh server's answer`);
    }
  } finally {
    db.$client.close();
  }
}
