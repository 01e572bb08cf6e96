import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatNumber } from '../../../../shared/format';
import type { IndicatorDef, MEMBER_RATING_SHARES } from '../../../../shared/indicator';
import {
  type MemberRatingDto,
  RATING_LEVEL_LABELS,
  RATING_LEVEL_SHORT,
  RATING_LEVELS,
  type RatingLevel,
} from '../../../../shared/ratings';
import { vietnamDateTime } from '../../../../shared/vietnam-time';
import { ConflictChoice } from '../../../components/editing/conflict-choice';
import { useVersionedSave } from '../../../components/editing/use-versioned-save';
import { Field, Input, Textarea } from '../../../components/ui/field';
import { FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { useLeaveGuard } from '../../../lib/navigation';
import { type MemberRatingAnswer, memberRatingQueryOptions } from '../api/get-member-rating';
import { usePutMemberRating } from '../api/put-member-rating';
import {
  checkRatingForm,
  formChanged,
  formFromRating,
  type RatingField,
  type RatingFormState,
} from '../utils/rating-form';
import { RatingPreview } from './rating-preview';
import './member-ratings.css';

/** The indicator that receives one of the two shares, with this unit's target for the period. */
export interface BoundShare {
  indicator: IndicatorDef;
  target: { value: number | string; display: string } | null;
}

export interface MemberRatingFormProps {
  data: MemberRatingAnswer;
  unit: { id: string; name: string };
  period: { code: string; label: string; open: boolean };
  bound: Partial<Record<(typeof MEMBER_RATING_SHARES)[number], BoundShare>>;
}

const LEVEL_HINTS: Record<RatingLevel, string> = {
  excellent: 'HTXSNV, chọn trong số hoàn thành tốt',
  good: 'HTTNV, không kể số xuất sắc',
  complete: 'HTNV',
  notComplete: 'KHTNV',
};

const RATING = 'rating';
const RATING_CHOICE = ['Giữ số của tôi', 'Lấy số hiện tại'] as const;
const FIELDS: readonly string[] = [...RATING_LEVELS, 'unrated', 'note'];

const countsText = (r: { excellent: number; good: number; complete: number; notComplete: number }) =>
  RATING_LEVELS.map((l) => `${formatNumber(r[l])} ${RATING_LEVEL_SHORT[l]}`).join(', ');

/**
 * "Xếp loại đảng viên": how many members fall in each of the four levels, with the two
 * shares, the status they will get and the 20% cap checked while typing, by the same rules
 * the server applies. A report above the cap is saved all the same, with the warning.
 */
export function MemberRatingForm({ data, unit, period, bound }: MemberRatingFormProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const put = usePutMemberRating();
  const [form, setForm] = useState<RatingFormState>(() => formFromRating(data.rating));
  const [edited, setEdited] = useState<ReadonlySet<RatingField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'info'; text: string } | null>(null);

  const saving = useVersionedSave<typeof RATING, MemberRatingDto>({
    initial: () => (data.rating ? [[RATING, data.rating]] : []),
    // "Lấy số hiện tại": the other counts into the fields, and the page reads them again.
    onTheirs: (_, current) => {
      setForm(formFromRating(current));
      setEdited(new Set());
      setSubmitted(false);
      setNotice({ tone: 'info', text: 'Đã lấy số hiện tại vào các ô nhập.' });
      void queryClient.invalidateQueries({
        queryKey: memberRatingQueryOptions({ unit: unit.id, period: period.code }).queryKey,
      });
    },
  });
  const stored = saving.stored.get(RATING) ?? null;
  const conflict = saving.conflicts.has(RATING) ? { current: saving.conflicts.get(RATING) ?? null } : null;
  const refusal = saving.refusal && {
    message: saving.refusal.message,
    field: FIELDS.includes(saving.refusal.field ?? '') ? (saving.refusal.field as RatingField) : undefined,
  };

  const dirty = formChanged(form, stored);
  useLeaveGuard(dirty && !saving.locked);

  // A rating saved elsewhere is taken in while nothing here is unsaved: only a rating the
  // server sent since the last one looked at, never the query's older copy after this form
  // took newer numbers from a conflict.
  const seen = useRef(data.rating);
  const { setStored } = saving;
  useEffect(() => {
    if (data.rating === seen.current || dirty || saving.saving) return;
    seen.current = data.rating;
    if ((data.rating?.version ?? 0) === (stored?.version ?? 0)) return;
    setStored(new Map(data.rating ? [[RATING, data.rating]] : []));
    setForm(formFromRating(data.rating));
  }, [data.rating, dirty, saving.saving, stored, setStored]);

  const check = checkRatingForm(form, stored?.version ?? 0);
  const fieldId = (f: RatingField | 'outstanding') => `${id}-${f}`;
  const problemOf = (f: RatingField) =>
    refusal?.field === f ? refusal.message : submitted || edited.has(f) ? check.problems[f] : undefined;

  const set = (field: RatingField) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((f) => ({ ...f, [field]: value }));
    setEdited((s) => new Set(s).add(field));
    setNotice(null);
    if (refusal?.field === field) saving.dismiss();
  };

  const save = async (version: number) => {
    setSubmitted(true);
    setNotice(null);
    const next = checkRatingForm(form, version);
    const first = [...RATING_LEVELS, 'unrated' as const, 'note' as const].find((f) => next.problems[f]);
    if (first || !next.body) {
      document.getElementById(fieldId(first ?? 'excellent'))?.focus();
      return;
    }
    const { body } = next;
    const out = await saving.save(() => put.mutateAsync({ unitId: unit.id, period: period.code, body }), {
      key: RATING,
    });
    if (!out.ok) return;
    const saved = out.answer;
    saving.remember([[RATING, saved.rating]]);
    if (saved.rating) setForm(formFromRating(saved.rating));
    setEdited(new Set());
    setSubmitted(false);
    const g = saved.shares?.good_or_better.display;
    const x = saved.shares?.excellent.display;
    setNotice({
      tone: 'ok',
      text:
        `Đã lưu kết quả xếp loại của ${unit.name}${g && x ? `: ${g} hoàn thành tốt nhiệm vụ trở lên, ${x} hoàn thành xuất sắc nhiệm vụ` : ''}.` +
        (saved.warnings.some((w) => w.code === 'excellent_cap')
          ? ' Có cảnh báo về trần xuất sắc, xem bên dưới.'
          : ''),
    });
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving.saving || conflict || saving.locked) return;
    if (!dirty && stored) {
      setNotice({ tone: 'info', text: 'Chưa có gì thay đổi để lưu.' });
      return;
    }
    void save(stored?.version ?? 0);
  };

  // 409: keep mine (send again over the version now stored) or take theirs into the fields.
  const keepMine = () => {
    if (!conflict || saving.saving) return;
    void save(saving.choose(RATING, 'mine').get(RATING)?.version ?? 0);
  };

  const discard = () => {
    setForm(formFromRating(stored));
    setEdited(new Set());
    setSubmitted(false);
    saving.dismiss();
    setNotice({ tone: 'info', text: 'Đã bỏ các thay đổi chưa lưu.' });
  };

  return (
    <form className="mr-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`} className="card-title">
          Số đảng viên theo mức xếp loại
        </h2>
        <p className="card-hint">Ô để trống được tính là 0.</p>
      </div>

      <fieldset className="mr-counts">
        <legend className="visually-hidden">Số đảng viên ở từng mức xếp loại</legend>
        {RATING_LEVELS.map((level) => (
          <Field
            key={level}
            id={fieldId(level)}
            className="mr-count"
            label={RATING_LEVEL_LABELS[level]}
            hint={LEVEL_HINTS[level]}
            error={problemOf(level)}
            live
          >
            <Input
              className="mr-count-input"
              inputMode="numeric"
              autoComplete="off"
              placeholder="0"
              value={form[level]}
              onChange={set(level)}
              suffix="đảng viên"
            />
          </Field>
        ))}
      </fieldset>

      <Field
        id={fieldId('unrated')}
        className="mr-count mr-unrated"
        label="Chưa xếp loại năm nay"
        hint="Miễn đánh giá, mới kết nạp chưa đủ thời gian…; không tính vào tổng số và hai tỷ lệ."
        error={problemOf('unrated')}
        live
      >
        <Input
          className="mr-count-input"
          inputMode="numeric"
          autoComplete="off"
          placeholder="0"
          value={form.unrated}
          onChange={set('unrated')}
          suffix="đảng viên"
        />
      </Field>

      <p className="mr-total">
        Tổng số đảng viên được xếp loại:{' '}
        <output
          htmlFor={RATING_LEVELS.map((l) => fieldId(l)).join(' ')}
          data-testid="rating-total"
          className="mr-total-value"
        >
          {check.total === null ? '…' : formatNumber(check.total)}
        </output>
      </p>

      <div className="mr-outstanding">
        <input
          id={fieldId('outstanding')}
          type="checkbox"
          className="mr-check"
          checked={form.outstanding}
          onChange={(e) => {
            const on = e.target.checked;
            setForm((f) => ({ ...f, outstanding: on }));
            setNotice(null);
          }}
          aria-describedby={`${fieldId('outstanding')}-hint`}
        />
        <div>
          <label htmlFor={fieldId('outstanding')} className="mr-check-label">
            Đơn vị có thành tích nổi bật (trần 25%)
          </label>
          <p id={`${fieldId('outstanding')}-hint`} className="field-hint">
            Số hoàn thành xuất sắc nhiệm vụ không quá 20% số hoàn thành tốt nhiệm vụ trở lên; 25% với đơn vị
            có thành tích nổi bật.
          </p>
        </div>
      </div>

      <RatingPreview id={`${id}-preview`} check={check} bound={bound} open={period.open} />

      <Field
        id={fieldId('note')}
        label="Ghi chú (không bắt buộc)"
        hint="Căn cứ của số liệu, ví dụ: biên bản họp chi bộ đánh giá, xếp loại cuối năm."
        error={problemOf('note')}
        live
      >
        <Textarea rows={2} maxLength={2000} value={form.note} onChange={set('note')} />
      </Field>

      <div ref={saving.alertRef}>
        {conflict && (
          <ConflictChoice of={saving} at={RATING} labels={RATING_CHOICE} onKeep={keepMine} testId="conflict">
            <p>
              {conflict.current ? (
                <>
                  Số hiện tại: <strong>{countsText(conflict.current)}</strong> (tổng{' '}
                  {formatNumber(conflict.current.total)}), lưu lúc{' '}
                  {vietnamDateTime(conflict.current.updatedAt)}.
                </>
              ) : (
                'Kết quả xếp loại vừa bị xóa.'
              )}
            </p>
            {check.counts && (
              <p>
                Số bạn vừa nhập: <strong>{countsText(check.counts)}</strong>.
              </p>
            )}
          </ConflictChoice>
        )}
        <FormError>{refusal && !refusal.field ? refusal.message : null}</FormError>
      </div>

      <FormActions className="mr-actions">
        {!saving.locked && !conflict && (
          <SubmitButton pending={saving.saving} pendingLabel="Đang lưu…">
            Lưu kết quả xếp loại
          </SubmitButton>
        )}
        {dirty && !saving.locked && (
          <button type="button" className="button button-secondary button-quiet" onClick={discard}>
            Bỏ thay đổi
          </button>
        )}
        <p className={`mr-dirty${dirty ? ' is-dirty' : ''}`} data-testid="dirty-state">
          {dirty ? 'Có thay đổi chưa lưu' : stored ? 'Đã lưu' : 'Chưa nhập'}
        </p>
      </FormActions>
      <p
        className={notice?.tone === 'ok' ? 'form-success' : 'form-note'}
        role="status"
        data-testid="save-notice"
      >
        {notice?.text}
      </p>
    </form>
  );
}
