import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

// Numbers that people compare (targets, count and percent results) are stored as
// integer hundredths ("x100") so that no judgement ever touches binary floating point.

const timestamps = {
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
};

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('units_parent_idx').on(t.parentId)],
);

export const indicators = sqliteTable('indicators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
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
  position: integer('position').notNull().default(0),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
});

export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    period: text('period').notNull(),
    valueX100: integer('value_x100'),
    level: text('level'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('targets_key').on(t.unitId, t.indicatorId, t.period),
    index('targets_period_idx').on(t.period),
  ],
);

export const results = sqliteTable(
  'results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    period: text('period').notNull(),
    valueX100: integer('value_x100'),
    numerator: integer('numerator'),
    denominator: integer('denominator'),
    level: text('level'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('results_key').on(t.unitId, t.indicatorId, t.period),
    index('results_period_idx').on(t.period),
  ],
);

export type UnitRow = typeof units.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
export type ResultRow = typeof results.$inferSelect;
