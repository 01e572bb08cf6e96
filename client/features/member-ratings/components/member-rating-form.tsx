import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatNumber } from '../../../../shared/format';
import {
  type IndicatorDef,
  MEMBER_RATING_SHARE_LABELS,
  MEMBER_RATING_SHARES,
} from '../../../../shared/indicator';
import { judge } from '../../../../shared/judgement';
import {
  type MemberRatingDto,
  RATING_LEVEL_LABELS,
  RATING_LEVEL_SHORT,
  RATING_LEVELS,
  type RatingLevel,
} from '../../../../shared/ratings';
import { parseDecimalX100 } from '../../../../shared/value';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ApiError } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';
import { useLeaveGuard } from '../../../lib/navigation';
import { vietnamDateTime } from '../../../lib/vietnam-time';
import { type MemberRatingAnswer, memberRatingQueryOptions } from '../api/get-member-rating';
import { usePutMemberRating } from '../api/put-member-rating';
import {
  checkRatingForm,
  formChanged,
  formFromRating,
  type RatingField,
  type RatingFormState,
} from '../utils/rating-form';
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

interface Conflict {
  message: string;
  current: MemberRatingDto | null;
}

const LEVEL_HINTS: Record<RatingLevel, string> = {
  excellent: 'HTXSNV, chọn trong số hoàn thành tốt',
  good: 'HTTNV, không kể số xuất sắc',
  complete: 'HTNV',
  notComplete: 'KHTNV',
};

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
  const [stored, setStored] = useState<MemberRatingDto | null>(data.rating);
  const [form, setForm] = useState<RatingFormState>(() => formFromRating(data.rating));
  const [edited, setEdited] = useState<ReadonlySet<RatingField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; field?: RatingField } | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'info'; text: string } | null>(null);
  const [locked, setLocked] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const dirty = formChanged(form, stored);
  useLeaveGuard(dirty && !locked);

  // A rating saved elsewhere is taken in while nothing here is unsaved: only a rating the
  // server sent since the last one looked at, never the query's older copy after this form
  // took newer numbers from a conflict.
  const seen = useRef(data.rating);
  useEffect(() => {
    if (data.rating === seen.current || dirty || saving) return;
    seen.current = data.rating;
    if ((data.rating?.version ?? 0) === (stored?.version ?? 0)) return;
    setStored(data.rating);
    setForm(formFromRating(data.rating));
  }, [data.rating, dirty, saving, stored]);

  useEffect(() => {
    if (conflict || refusal) alertRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [conflict, refusal]);

  const check = checkRatingForm(form, stored?.version ?? 0);
  const fieldId = (f: RatingField | 'outstanding') => `${id}-${f}`;
  const problemOf = (f: RatingField) =>
    refusal?.field === f ? refusal.message : submitted || edited.has(f) ? check.problems[f] : undefined;

  const set = (field: RatingField) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((f) => ({ ...f, [field]: value }));
    setEdited((s) => new Set(s).add(field));
    setNotice(null);
    if (refusal?.field === field) setRefusal(null);
  };

  const save = async (version: number) => {
    setSubmitted(true);
    setNotice(null);
    const next = checkRatingForm(form, version);
    const first = [...RATING_LEVELS, 'note' as const].find((f) => next.problems[f]);
    if (first || !next.body) {
      document.getElementById(fieldId(first ?? 'excellent'))?.focus();
      return;
    }
    setRefusal(null);
    setConflict(null);
    setSaving(true);
    try {
      const saved = await put.mutateAsync({ unitId: unit.id, period: period.code, body: next.body });
      setStored(saved.rating);
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
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };

  const fail = (e: unknown) => {
    if (!(e instanceof ApiError)) {
      setRefusal({ message: 'Đã có lỗi ngoài ý muốn; hãy thử lại.' });
      return;
    }
    if (e.status === 409) {
      setConflict({ message: e.message, current: (e.body?.current as MemberRatingDto | null) ?? null });
      return;
    }
    if (e.status === 423) {
      setLocked(true);
      void invalidateValueViews(queryClient);
    }
    const field = e.field as RatingField | undefined;
    setRefusal({
      message: e.message,
      field: field && ([...RATING_LEVELS, 'note'] as string[]).includes(field) ? field : undefined,
    });
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || conflict || locked) return;
    if (!dirty && stored) {
      setNotice({ tone: 'info', text: 'Chưa có gì thay đổi để lưu.' });
      return;
    }
    void save(stored?.version ?? 0);
  };

  // 409: keep mine (send again over the version now stored) or take theirs into the fields.
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: memberRatingQueryOptions({ unit: unit.id, period: period.code }).queryKey,
    });
  const keepMine = () => {
    if (!conflict || saving) return;
    setStored(conflict.current);
    setConflict(null);
    void save(conflict.current?.version ?? 0);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setStored(conflict.current);
    setForm(formFromRating(conflict.current));
    setEdited(new Set());
    setSubmitted(false);
    setConflict(null);
    setNotice({ tone: 'info', text: 'Đã lấy số hiện tại vào các ô nhập.' });
    void refresh();
  };

  const discard = () => {
    setForm(formFromRating(stored));
    setEdited(new Set());
    setSubmitted(false);
    setRefusal(null);
    setNotice({ tone: 'info', text: 'Đã bỏ các thay đổi chưa lưu.' });
  };

  const capWarning = check.warnings.find((w) => w.code === 'excellent_cap');

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
        {RATING_LEVELS.map((level) => {
          const problem = problemOf(level);
          return (
            <div key={level} className="field mr-count">
              <label className="field-label" htmlFor={fieldId(level)}>
                {RATING_LEVEL_LABELS[level]}
              </label>
              <div className="input-with-suffix">
                <input
                  id={fieldId(level)}
                  className="input mr-count-input"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="0"
                  value={form[level]}
                  onChange={set(level)}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={`${fieldId(level)}-hint${problem ? ` ${fieldId(level)}-error` : ''}`}
                />
                <span className="input-suffix" aria-hidden="true">
                  đảng viên
                </span>
              </div>
              <p id={`${fieldId(level)}-hint`} className="field-hint">
                {LEVEL_HINTS[level]}
              </p>
              {problem && (
                <p id={`${fieldId(level)}-error`} className="field-error">
                  {problem}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>

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

      <section className="value-preview mr-preview" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`} className="value-preview-title">
          Xem trước kết quả sẽ ghi vào chỉ tiêu
        </h3>
        <ul className="mr-share-list">
          {MEMBER_RATING_SHARES.map((s) => {
            const share = check.shares?.[s];
            const b = bound[s];
            const target = b?.target ? parseDecimalX100(String(b.target.value), 2) : null;
            const status =
              b && share && share.denominator > 0
                ? judge(
                    b.indicator,
                    target === null ? null : { type: 'number', x100: target },
                    { type: 'ratio', numerator: share.numerator, denominator: share.denominator },
                    period.open,
                  )
                : null;
            return (
              <li key={s} data-testid={`share-${s}`}>
                <span className="mr-share-name">{b?.indicator.name ?? MEMBER_RATING_SHARE_LABELS[s]}</span>
                <span className="mr-share-figures">
                  <strong className="mr-share-value" data-testid={`share-${s}-value`}>
                    {share?.display ?? '—'}
                  </strong>
                  {share && share.denominator > 0 && (
                    <span className="muted">
                      {' '}
                      ({formatNumber(share.numerator)}/{formatNumber(share.denominator)})
                    </span>
                  )}
                  {b?.target && <span className="mr-share-target">Kế hoạch {b.target.display}</span>}
                  {status && <StatusBadge status={status} />}
                </span>
              </li>
            );
          })}
        </ul>
        {check.cap && check.cap.base > 0 && (
          <p className="field-hint mr-cap" data-testid="cap-line">
            Trần hoàn thành xuất sắc ({check.cap.percent}%): nhiều nhất {formatNumber(check.cap.allowed)} trên{' '}
            {formatNumber(check.cap.base)} đảng viên hoàn thành tốt nhiệm vụ trở lên.
          </p>
        )}
        <div role="status" className="mr-live">
          {capWarning && (
            <p className="lock-warning mr-warning" data-testid="cap-warning">
              <strong>Cảnh báo: </strong>
              {capWarning.message} Vẫn lưu được, kèm cảnh báo này.
            </p>
          )}
        </div>
        {Object.keys(bound).length < MEMBER_RATING_SHARES.length && (
          <p className="field-hint">
            Danh mục chưa gắn đủ chỉ tiêu nhận kết quả xếp loại; số liệu vẫn được lưu nhưng chưa ghi vào chỉ
            tiêu.
          </p>
        )}
      </section>

      <div className="field">
        <label className="field-label" htmlFor={fieldId('note')}>
          Ghi chú (không bắt buộc)
        </label>
        <textarea
          id={fieldId('note')}
          className="input textarea"
          rows={2}
          maxLength={2000}
          value={form.note}
          onChange={set('note')}
          aria-invalid={problemOf('note') ? true : undefined}
          aria-describedby={`${fieldId('note')}-hint${problemOf('note') ? ` ${fieldId('note')}-error` : ''}`}
        />
        <p id={`${fieldId('note')}-hint`} className="field-hint">
          Căn cứ của số liệu, ví dụ: biên bản họp chi bộ đánh giá, xếp loại cuối năm.
        </p>
        {problemOf('note') && (
          <p id={`${fieldId('note')}-error`} className="field-error">
            {problemOf('note')}
          </p>
        )}
      </div>

      <div ref={alertRef}>
        {conflict && (
          <div className="value-conflict" role="alert" data-testid="conflict">
            <p className="form-error">{conflict.message}</p>
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
            <div className="form-actions">
              <button type="button" className="button" onClick={keepMine} aria-disabled={saving}>
                Giữ số của tôi
              </button>
              <button type="button" className="button button-secondary" onClick={takeTheirs}>
                Lấy số hiện tại
              </button>
            </div>
          </div>
        )}
        {refusal && !refusal.field && (
          <p className="form-error" role="alert">
            {refusal.message}
          </p>
        )}
      </div>

      <div className="form-actions mr-actions">
        {!locked && !conflict && (
          <button type="submit" className="button" aria-disabled={saving}>
            {saving ? 'Đang lưu…' : 'Lưu kết quả xếp loại'}
          </button>
        )}
        {dirty && !locked && (
          <button type="button" className="button button-secondary button-quiet" onClick={discard}>
            Bỏ thay đổi
          </button>
        )}
        <p className={`mr-dirty${dirty ? ' is-dirty' : ''}`} data-testid="dirty-state">
          {dirty ? 'Có thay đổi chưa lưu' : stored ? 'Đã lưu' : 'Chưa nhập'}
        </p>
      </div>
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
