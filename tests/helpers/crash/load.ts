import { IMPORT_HEADER } from '../../../shared/import-export';
import { getJson } from '../server-process';

// The load of tests/api/crash.test.ts: writers sending single results and targets (each
// writer owning its keys) and importers sending large CSV files over the same keys, against
// the real server; and what each sent and was answered, for verify.ts to check the file by.

// Imports overwrite the same keys, years 2101 to 2199; single writes own the year 2100.
export const IMPORT_YEARS = "period >= '2101' AND period < '2200'";
export const WRITE_YEAR = "period >= '2100' AND period < '2101'";
export const PARTS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'];
export const WRITE_PERIODS = ['2100', ...PARTS.map((p) => `2100-${p}`)];
export const marker = (serial: number) => `lô nhập ${serial}`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface WriteKey {
  type: 'result' | 'target';
  unitId: string;
  code: string;
  period: string;
  /** What the file must hold unless the pending write landed: the last value acknowledged or found. */
  known: number | null;
  /** A write sent whose answer never came: it may or may not have landed. */
  pending: number | null;
  /** How many writes to this key have landed, so how many history rows it must have. */
  landed: number;
}

export interface ImportRun {
  serial: number;
  state: 'sent' | 'acknowledged' | 'unanswered' | 'refused';
  /** Whether its rows are in the file, once a restart has looked. */
  landed: boolean | null;
}

export const keyOf = (k: { type: string; unitId: string | number; code: string; period: string }) =>
  `${k.type}|${k.unitId}|${k.code}|${k.period}`;

/**
 * The load against the server at `base`, signed in with `firstCookie`; the test sets `cookie`
 * again after each restart, and drives the load round by round.
 */
export async function crashLoad(
  base: string,
  firstCookie: string,
  {
    rand,
    importRows: IMPORT_ROWS,
    writers: WRITERS,
    importers: IMPORTERS,
  }: { rand: () => number; importRows: number; writers: number; importers: number },
) {
  const problems: string[] = [];
  const figures = {
    rounds: 0,
    kills: 0,
    killsAimed: 0,
    killsWhileWriting: 0,
    killsWithUncommittedFrames: 0,
    importsSent: 0,
    importsAcknowledged: 0,
    importsInterrupted: 0,
    interruptedImportsLanded: 0,
    writesSent: 0,
    writesAcknowledged: 0,
    writesUnanswered: 0,
    unansweredWritesLanded: 0,
    acknowledgedLost: 0,
    dashboardsCompared: 0,
    largestDatabaseMB: 0,
  };

  let cookie = firstCookie;
  const units = (await getJson(base, '/api/units', cookie)).units as {
    id: string;
    parentId: string | null;
    kind: string;
  }[];
  const counts = ((await getJson(base, '/api/indicators', cookie)).indicators as any[])
    // Those entered, not counted from the units below (a derived result is refused).
    .filter((i) => i.kind === 'count' && !i.derived && !i.appliesTo)
    .map((i) => i.code as string);
  const root = units.find((u) => u.parentId === null)!.id;
  const cell = units.find((u) => u.kind === 'chi_bo')!.id;

  // Every import writes the same keys, each with its serial number as value and marker as
  // note: after any number of imports the keys must all hold one import's figures.
  const resultPrefixes: string[] = [];
  const targetPrefixes: string[] = [];
  fill: for (let y = 2101; y <= 2199; y++)
    for (const part of PARTS)
      for (const u of units)
        for (const code of counts) {
          if (resultPrefixes.length + targetPrefixes.length >= IMPORT_ROWS) break fill;
          if (resultPrefixes.length % 10 === 0) targetPrefixes.push(`${u.id},${code},${y}-${part},target,`);
          resultPrefixes.push(`${u.id},${code},${y}-${part},result,`);
        }
  const importCsv = (serial: number) =>
    [
      IMPORT_HEADER,
      ...resultPrefixes.map((p) => `${p}${serial},,,${marker(serial)}`),
      ...targetPrefixes.map((p) => `${p}${serial},,,`),
      '',
    ].join('\n');

  const writeKeys: WriteKey[] = [];
  for (const type of ['result', 'target'] as const)
    for (const u of units)
      for (const code of counts)
        for (const period of WRITE_PERIODS)
          writeKeys.push({ type, unitId: u.id, code, period, known: null, pending: null, landed: 0 });
  const byKey = new Map(writeKeys.map((k) => [keyOf(k), k]));
  // Shuffled, then dealt: each writer owns its keys, so one write at most is in flight per key.
  const shuffled = [...writeKeys];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const shares = Array.from({ length: WRITERS }, (_, w) => shuffled.filter((_, i) => i % WRITERS === w));

  const imports = new Map<number, ImportRun>();
  /** Imports found partly there (0: the imported keys hold a mix). */
  const partial = new Set<number>();
  let importSerial = 0;
  let writeSerial = 0;
  let importMs = 1500;

  interface Load {
    stopped: boolean;
    importsSent: number;
  }

  async function writer(base: string, keys: WriteKey[], load: Load) {
    let i = Math.floor(rand() * keys.length);
    while (!load.stopped) {
      const key = keys[i++ % keys.length]!;
      const value = ++writeSerial;
      key.pending = value;
      figures.writesSent++;
      let status: number;
      try {
        const res = await fetch(`${base}/api/${key.type}s/${key.unitId}/${key.code}/${key.period}`, {
          method: 'PUT',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(key.type === 'result' ? { value, note: `ghi ${value}` } : { value }),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch {
        figures.writesUnanswered++;
        return;
      }
      // The status line leaves only after the transaction committed.
      if (status === 200) {
        key.known = value;
        key.pending = null;
        key.landed++;
        figures.writesAcknowledged++;
      } else {
        problems.push(`PUT ${keyOf(key)} = ${value}: ${status}`);
        key.pending = null;
        return;
      }
    }
  }

  async function importer(base: string, load: Load) {
    // Single writes alone for a moment first: while an import runs, they wait their turn.
    await sleep(rand() * 600);
    while (!load.stopped) {
      const serial = ++importSerial;
      const run: ImportRun = { serial, state: 'sent', landed: null };
      imports.set(serial, run);
      const form = new FormData();
      form.append('file', new Blob([importCsv(serial)], { type: 'text/csv' }), `lo-${serial}.csv`);
      figures.importsSent++;
      load.importsSent++;
      const at = performance.now();
      let status: number;
      let body: any = null;
      try {
        const res = await fetch(`${base}/api/import`, {
          method: 'POST',
          headers: { cookie },
          body: form,
        });
        status = res.status;
        if (status === 200) run.state = 'acknowledged';
        body = await res.json().catch(() => null);
      } catch {
        run.state = 'unanswered';
        return;
      }
      if (status !== 200) {
        run.state = 'refused';
        problems.push(`import ${serial}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
        return;
      }
      figures.importsAcknowledged++;
      importMs = 0.7 * importMs + 0.3 * (performance.now() - at);
      const rows = resultPrefixes.length + targetPrefixes.length;
      if (body && (body.rows !== rows || body.written !== rows))
        problems.push(`import ${serial}: answered ${body.rows} rows, ${body.written} written, sent ${rows}`);
      // A pause, so that the single writes are not all queued behind imports.
      await sleep(rand() * importMs);
    }
  }

  /** Waits until `n` imports were sent, or until it is clear they will not be (a refused one). */
  async function importsSent(load: Load, n: number) {
    const deadline = Date.now() + 30_000;
    while (load.importsSent < n && Date.now() < deadline) await sleep(2);
  }

  /** Writers and importers against `server` until `until` resolves; then waits for every one. */
  async function drive(base: string, until: (load: Load) => Promise<void>) {
    const load: Load = { stopped: false, importsSent: 0 };
    const workers = [
      ...shares.map((keys) => writer(base, keys, load)),
      ...Array.from({ length: IMPORTERS }, () => importer(base, load)),
    ];
    try {
      await until(load);
    } finally {
      load.stopped = true;
      await Promise.all(workers);
    }
  }

  return {
    problems,
    figures,
    imports,
    partial,
    resultPrefixes,
    targetPrefixes,
    byKey,
    root,
    cell,
    counts,
    drive,
    importsSent,
    get importMs() {
      return importMs;
    },
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
  };
}

export type CrashLoad = Awaited<ReturnType<typeof crashLoad>>;
