import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { HISTORY_TYPES, ROLES } from '../../shared/accounts';
import { type DerivedRule, MEMBER_RATING_SHARES } from '../../shared/indicator';
import type { ReportSettings } from '../../shared/schemas/report-settings';

// Numbers that people compare (targets, count and percent results) are stored as
// integer hundredths ("x100") so that no judgement ever touches binary floating point.

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

const timestamps = {
  updatedAt: text('updated_at').notNull().default(now),
};

const id = () => integer('id').primaryKey({ autoIncrement: true });
const unitId = () =>
  integer('unit_id')
    .notNull()
    .references(() => units.id);
const period = () => text('period').notNull();

/** What a unit enters for a period, and the locks on it: one row per unit and period. */
const unitPeriodKey = () => ({ id: id(), unitId: unitId(), period: period() });

/** A target or a result: one row per unit, indicator and period. */
const valueKey = () => ({
  id: id(),
  unitId: unitId(),
  indicatorId: integer('indicator_id')
    .notNull()
    .references(() => indicators.id),
  period: period(),
});

/** Rows a screen saves whole: their version counts the changes (server/db/versioned.ts). */
const versioned = () => ({ version: integer('version').notNull().default(1), ...timestamps });

export const units = sqliteTable(
  'units',
  {
    id: id(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('units_parent_idx').on(t.parentId)],
);

export const indicators = sqliteTable('indicators', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  unitLabel: text('unit_label').notNull(),
  kind: text('kind', { enum: ['count', 'percent', 'ratio', 'level'] }).notNull(),
  direction: text('direction', { enum: ['higher', 'lower'] })
    .notNull()
    .default('higher'),
  timeAggregate: text('time_aggregate', { enum: ['sum', 'last', 'none'] })
    .notNull()
    .default('none'),
  /** JSON array of level names, lowest first; only for kind `level`. */
  levels: text('levels', { mode: 'json' }).$type<string[]>(),
  /**
   * Which share of the member ratings form this ratio indicator receives, if any: the
   * members rated good or better, or those rated excellent. At most one indicator each.
   */
  memberRating: text('member_rating', { enum: MEMBER_RATING_SHARES }).unique(),
  /** JSON array of the unit kinds it applies to; null: every kind. */
  appliesTo: text('applies_to', { mode: 'json' }).$type<string[]>(),
  /** JSON rule of a result computed from the units below (shared/indicator.ts); null: entered. */
  derived: text('derived', { mode: 'json' }).$type<DerivedRule>(),
  position: integer('position').notNull().default(0),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
});

export const targets = sqliteTable(
  'targets',
  {
    ...valueKey(),
    /** Null for a target relative to last year's result: its value is computed when read. */
    valueX100: integer('value_x100'),
    level: text('level'),
    /** A target relative to last year: a change in percent, or an amount, in hundredths (signed). */
    changeKind: text('change_kind', { enum: ['percent', 'amount'] }),
    changeX100: integer('change_x100'),
    /** On a term: also the target of every year of the term without one of its own. */
    eachYear: integer('each_year', { mode: 'boolean' }).notNull().default(false),
    ...versioned(),
  },
  (t) => [
    uniqueIndex('targets_key').on(t.unitId, t.indicatorId, t.period),
    // A period's targets of some units (a dashboard, a scorecard): both columns, or SQLite
    // may scan the whole period of a province to find one unit's twenty rows.
    index('targets_period_unit_idx').on(t.period, t.unitId),
  ],
);

export const results = sqliteTable(
  'results',
  {
    ...valueKey(),
    valueX100: integer('value_x100'),
    numerator: integer('numerator'),
    denominator: integer('denominator'),
    level: text('level'),
    note: text('note'),
    ...versioned(),
  },
  (t) => [
    uniqueIndex('results_key').on(t.unitId, t.indicatorId, t.period),
    index('results_period_unit_idx').on(t.period, t.unitId),
  ],
);

/**
 * One "chỉ tiêu chủ yếu": its sentence, the indicator codes it binds at its own unit, and the
 * parts it binds at the units below of some kinds (absent in lines written before issue 14).
 */
export interface StoredTargetLine {
  text: string;
  codes: string[];
  parts?: { code: string; below: string[] }[];
}

/**
 * The ordered "chỉ tiêu chủ yếu" of one unit and period, each a sentence of the resolution
 * binding indicator codes. Kept whole, as one list with one version, because a committee
 * writes and reorders them together.
 */
export const targetLines = sqliteTable(
  'target_lines',
  {
    ...unitPeriodKey(),
    lines: text('lines', { mode: 'json' }).notNull().$type<StoredTargetLine[]>(),
    ...versioned(),
  },
  (t) => [uniqueIndex('target_lines_key').on(t.unitId, t.period)],
);

/** How many members of a cell fall in each of the four rating levels, for one period. */
export const memberRatings = sqliteTable(
  'member_ratings',
  {
    ...unitPeriodKey(),
    excellent: integer('excellent').notNull(),
    good: integer('good').notNull(),
    complete: integer('complete').notNull(),
    notComplete: integer('not_complete').notNull(),
    /** Members not rated this year (exempt, admitted too recently): left out of both shares. */
    unrated: integer('unrated').notNull().default(0),
    /** An outstanding unit may rate up to 25% excellent instead of 20%. */
    outstanding: integer('outstanding', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    ...versioned(),
  },
  (t) => [uniqueIndex('member_ratings_key').on(t.unitId, t.period)],
);

/**
 * Which results changed, appended by triggers on `results` (migration 0004) in the same
 * transaction as the change: the in-memory roll-up reads it to follow every committed write,
 * from this process or another, and never a rolled-back one. Pruned as it grows.
 */
export const resultChanges = sqliteTable('result_changes', {
  id: id(),
  unitId: integer('unit_id').notNull(),
  indicatorId: integer('indicator_id').notNull(),
  period: text('period').notNull(),
});

export type UnitRow = typeof units.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
export type TargetLinesRow = typeof targetLines.$inferSelect;
export type MemberRatingRow = typeof memberRatings.$inferSelect;
export type ResultRow = typeof results.$inferSelect;

// Accounts, rights, locks and history (docs/api.md; GET /api/docs).

export const users = sqliteTable('users', {
  id: id(),
  /** Lower case; what people type to sign in. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt, with its parameters and salt: `scrypt$N$r$p$salt$hash` (base64url). */
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdBy: integer('created_by').references((): AnySQLiteColumn => users.id),
  createdAt: text('created_at').notNull().default(now),
  ...timestamps,
});

/** A role on a unit reaches the unit's whole subtree; `unit_id` null is everywhere (admin only). */
export const grants = sqliteTable(
  'grants',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: integer('unit_id').references(() => units.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('grants_user_idx').on(t.userId), index('grants_unit_idx').on(t.unitId)],
);

/** Sessions are looked up by the SHA-256 of the cookie's token, never by the token itself. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A period closed by its review for a unit's subtree: its values and those of the periods inside it. */
export const locks = sqliteTable(
  'locks',
  {
    ...unitPeriodKey(),
    note: text('note'),
    lockedBy: integer('locked_by')
      .notNull()
      .references(() => users.id),
    lockedAt: text('locked_at').notNull(),
  },
  (t) => [uniqueIndex('locks_key').on(t.unitId, t.period)],
);

/**
 * What a unit's report carries besides its figures (shared/schemas/report-settings.ts): the
 * header's names, number, place, signer and recipients. One row per unit, none until saved.
 */
export const reportSettings = sqliteTable('report_settings', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  settings: text('settings', { mode: 'json' }).$type<ReportSettings>().notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  ...versioned(),
});

/**
 * Every change, appended and never rewritten: triggers in the migrations refuse UPDATE and
 * DELETE on it. No foreign keys, so a change outlives what it changed.
 */
export const history = sqliteTable(
  'history',
  {
    id: id(),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username'),
    type: text('type', { enum: HISTORY_TYPES }).notNull(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    unitId: integer('unit_id'),
    code: text('code'),
    period: text('period'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    note: text('note'),
  },
  (t) => [index('history_key_idx').on(t.unitId, t.code, t.period)],
);

export type UserRow = typeof users.$inferSelect;
export type GrantRow = typeof grants.$inferSelect;
export type LockRow = typeof locks.$inferSelect;
export type HistoryRow = typeof history.$inferSelect;
