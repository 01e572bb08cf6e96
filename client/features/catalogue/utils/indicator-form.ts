import { z } from 'zod';
import type { IndicatorDef, IndicatorKind, MemberRatingShare } from '../../../../shared/indicator';
import {
  createIndicatorBody,
  type IndicatorDto,
  patchIndicatorBody,
} from '../../../../shared/schemas/indicators';

/** One level of the scale being edited; `key` keeps its input as it moves up or down. */
export interface LevelDraft {
  key: string;
  text: string;
}

/** "Đếm đơn vị trực thuộc theo xếp loại" as the form holds it, switched on or off. */
export interface DerivedDraft {
  on: boolean;
  /** The code of the `level` indicator the units are rated on. */
  indicator: string;
  /** The level "từ … trở lên". */
  atLeast: string;
  kinds: string[];
}

/** What the indicator form holds: every field as typed, levels lowest first. */
export type IndicatorDraft = Omit<IndicatorDef, 'levels' | 'appliesTo' | 'derived'> & {
  levels: LevelDraft[];
  /** '' when the indicator receives nothing from the member ratings. */
  memberRating: MemberRatingShare | '';
  /** The unit kinds it applies to; none ticked: every kind. */
  appliesTo: string[];
  derived: DerivedDraft;
};

const noDerived = (): DerivedDraft => ({ on: false, indicator: '', atLeast: '', kinds: [] });

/** A field of the form: one of the draft's. */
export type IndicatorField = keyof IndicatorDraft;

export interface FormProblem {
  message: string;
  field?: IndicatorField;
  /** For `levels`: which level is at fault, when one is. */
  index?: number;
}

let nextKey = 0;
export const newLevel = (text = ''): LevelDraft => ({ key: `level-${++nextKey}`, text });

export function emptyDraft(): IndicatorDraft {
  return {
    code: '',
    name: '',
    unitLabel: '',
    kind: 'count',
    direction: 'higher',
    timeAggregate: 'none',
    levels: [],
    memberRating: '',
    appliesTo: [],
    derived: noDerived(),
  };
}

export function draftOf(ind: IndicatorDto): IndicatorDraft {
  return {
    code: ind.code,
    name: ind.name,
    unitLabel: ind.unitLabel,
    kind: ind.kind,
    direction: ind.direction,
    timeAggregate: ind.timeAggregate,
    levels: (ind.levels ?? []).map((l) => newLevel(l)),
    memberRating: ind.memberRating ?? '',
    appliesTo: [...(ind.appliesTo ?? [])],
    derived: ind.derived
      ? {
          on: true,
          indicator: ind.derived.countUnits.indicator,
          atLeast: ind.derived.countUnits.atLeast,
          kinds: [...ind.derived.countUnits.kinds],
        }
      : noDerived(),
  };
}

/** Whether a kind may be computed from the units below: only a count or a ratio. */
export const mayDerive = (kind: IndicatorKind) => kind === 'count' || kind === 'ratio';

/** A new kind: a scale of levels starts with two empty ones, and a level cannot be summed. */
export function withKind(draft: IndicatorDraft, kind: IndicatorKind): IndicatorDraft {
  return {
    ...draft,
    kind,
    levels: kind === 'level' && draft.levels.length === 0 ? [newLevel(), newLevel()] : draft.levels,
    timeAggregate: kind === 'level' && draft.timeAggregate === 'sum' ? 'none' : draft.timeAggregate,
  };
}

const FIELDS = Object.keys(emptyDraft()) as IndicatorField[];

const fieldOfPath = (path: readonly PropertyKey[]): Pick<FormProblem, 'field' | 'index'> => {
  const [first, second] = path;
  const field = FIELDS.find((f) => f === first);
  return { field, index: field === 'levels' && typeof second === 'number' ? second : undefined };
};

const firstProblem = (error: z.ZodError): FormProblem => {
  const issue = error.issues[0];
  return { message: issue?.message ?? 'Dữ liệu chưa hợp lệ.', ...fieldOfPath(issue?.path ?? []) };
};

type CreateBody = z.output<typeof createIndicatorBody>;
type PatchBody = z.output<typeof patchIndicatorBody>;

/** The draft as the body of a new indicator: levels only for a scale, a share only for a ratio. */
const bodyOf = (draft: IndicatorDraft) => ({
  code: draft.code.trim(),
  name: draft.name,
  unitLabel: draft.unitLabel,
  kind: draft.kind,
  direction: draft.direction,
  timeAggregate: draft.timeAggregate,
  ...(draft.kind === 'level' ? { levels: draft.levels.map((l) => l.text) } : {}),
  ...(draft.kind === 'ratio' && draft.memberRating ? { memberRating: draft.memberRating } : {}),
  ...(draft.appliesTo.length > 0 ? { appliesTo: draft.appliesTo } : {}),
  ...(mayDerive(draft.kind) && draft.derived.on
    ? {
        derived: {
          countUnits: {
            indicator: draft.derived.indicator,
            atLeast: draft.derived.atLeast,
            kinds: draft.derived.kinds,
          },
        },
      }
    : {}),
});

/** The whole indicator as the server would take it new, checked by the server's own schema. */
export function checkDraft(draft: IndicatorDraft): { body: CreateBody } | { problem: FormProblem } {
  const checked = createIndicatorBody.safeParse(bodyOf(draft));
  return checked.success ? { body: checked.data } : { problem: firstProblem(checked.error) };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b?.[i]);

/** The fields of a checked indicator that differ from the original; null when none does. */
function changesOf(original: IndicatorDto, next: CreateBody): Record<string, unknown> | null {
  const body: Record<string, unknown> = {};
  if (next.name !== original.name) body.name = next.name;
  if (next.unitLabel !== original.unitLabel) body.unitLabel = next.unitLabel;
  if (next.kind !== original.kind) body.kind = next.kind;
  if (next.direction !== original.direction) body.direction = next.direction;
  if (next.timeAggregate !== original.timeAggregate) body.timeAggregate = next.timeAggregate;
  if (next.kind === 'level' && (original.kind !== 'level' || !sameList(next.levels, original.levels)))
    body.levels = next.levels;
  const rating = next.memberRating ?? null;
  if (rating !== (original.memberRating ?? null)) body.memberRating = rating;
  if (!sameList(next.appliesTo ?? undefined, original.appliesTo)) body.appliesTo = next.appliesTo ?? null;
  if (JSON.stringify(next.derived ?? null) !== JSON.stringify(original.derived ?? null))
    body.derived = next.derived ?? null;
  return Object.keys(body).length === 0 ? null : body;
}

/**
 * What an edit changes, as a PATCH body: only the fields that differ. A kind that is no longer
 * a ratio drops its member-rating binding; levels are sent only for a scale that changed.
 * `null` body when nothing changed.
 */
export function patchFor(
  original: IndicatorDto,
  draft: IndicatorDraft,
): { body: PatchBody | null } | { problem: FormProblem } {
  const full = checkDraft({ ...draft, code: original.code });
  if ('problem' in full) return full;
  const body = changesOf(original, full.body);
  if (!body) return { body: null };
  const checked = patchIndicatorBody.safeParse(body);
  return checked.success ? { body: checked.data } : { problem: firstProblem(checked.error) };
}

/** What the form sends: a new indicator, or the changes to one (none: nothing to send). */
export type IndicatorSend = { create: CreateBody } | { patch: PatchBody | null };

/**
 * The form's schema: the draft read as the server's body and checked by the server's own
 * schemas, every problem on the field it names (a level by its place, `levels.1`).
 */
export function indicatorFormSchema(original?: IndicatorDto) {
  const copy = (ctx: z.RefinementCtx, error: z.ZodError) => {
    for (const issue of error.issues)
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: issue.path.map((p) => p as string | number),
      });
    return z.NEVER;
  };
  return z.custom<IndicatorDraft>().transform((draft, ctx): IndicatorSend => {
    const full = createIndicatorBody.safeParse(bodyOf(original ? { ...draft, code: original.code } : draft));
    if (!full.success) return copy(ctx, full.error);
    if (!original) return { create: full.data };
    const changes = changesOf(original, full.data);
    if (!changes) return { patch: null };
    const patch = patchIndicatorBody.safeParse(changes);
    return patch.success ? { patch: patch.data } : copy(ctx, patch.error);
  });
}

/**
 * Where a refusal of the server belongs in the form: the field it names, or the field its
 * code is about (the kind of an indicator in use, a level in use).
 */
export function fieldOfRefusal(code: string, field: string | undefined): IndicatorField | undefined {
  if (code === 'indicator_in_use') return 'kind';
  if (code === 'level_in_use') return 'levels';
  const [first] = (field ?? '').split('.');
  return FIELDS.find((f) => f === first);
}
