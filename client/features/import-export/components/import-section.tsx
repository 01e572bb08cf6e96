import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { type ImportResponse, MAX_IMPORT_BYTES } from '../../../../shared/import-export';
import { ApiError } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';
import { refusalProblems, type UploadProgress, uploadImport } from '../api/upload-import';
import { formatBytes, writtenSentence } from '../utils/import-words';
import { HeaderHelp } from './header-help';
import { ImportPreview } from './import-preview';
import { ProblemList } from './problem-list';

// "2. Nhập từ tệp": a file is chosen (or dropped), checked by the server without writing
// (dryRun), shown as what would change or as every problem by row and column; only then,
// on a click, the same file is sent again to be written, all of it or none.

type Step =
  | { kind: 'idle' }
  | { kind: 'checking'; file: File; progress: UploadProgress | null }
  | { kind: 'checked'; file: File; answer: ImportResponse }
  | { kind: 'writing'; file: File; answer: ImportResponse; progress: UploadProgress | null }
  | { kind: 'written'; file: File; answer: ImportResponse }
  | { kind: 'refused'; file: File; error: ApiError; afterCheck: ImportResponse | null };

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

const asApiError = (err: unknown) =>
  err instanceof ApiError ? err : new ApiError('unknown', 'Đã có lỗi ngoài ý muốn; hãy thử lại.', 0);

export function ImportSection() {
  const headingId = useId();
  const inputId = useId();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => () => abort.current?.abort(), []);

  // Each answer takes the focus, so a keyboard or a screen reader lands on it.
  useEffect(() => {
    if (step.kind === 'checked' || step.kind === 'written' || step.kind === 'refused')
      resultRef.current?.focus();
  }, [step.kind]);

  const check = async (file: File) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'checking', file, progress: null });
    try {
      const answer = await uploadImport(file, {
        dryRun: true,
        signal: controller.signal,
        onProgress: (progress) => setStep({ kind: 'checking', file, progress }),
      });
      setStep({ kind: 'checked', file, answer });
    } catch (err) {
      if (isAbort(err)) return;
      setStep({ kind: 'refused', file, error: asApiError(err), afterCheck: null });
    }
  };

  const write = async (file: File, checked: ImportResponse) => {
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'writing', file, answer: checked, progress: null });
    try {
      const answer = await uploadImport(file, {
        dryRun: false,
        signal: controller.signal,
        onProgress: (progress) => setStep({ kind: 'writing', file, answer: checked, progress }),
      });
      setStep({ kind: 'written', file, answer });
      if (answer.written > 0) void invalidateValueViews(queryClient);
    } catch (err) {
      if (isAbort(err)) {
        setStep({ kind: 'checked', file, answer: checked });
        return;
      }
      setStep({ kind: 'refused', file, error: asApiError(err), afterCheck: checked });
    }
  };

  const choose = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void check(file);
  };

  const reset = () => {
    abort.current?.abort();
    setStep({ kind: 'idle' });
    if (inputRef.current) inputRef.current.value = '';
    inputRef.current?.focus();
  };

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files);
  };

  const busy = step.kind === 'checking' || step.kind === 'writing';
  const file = step.kind === 'idle' ? null : step.file;

  return (
    <section className="card ie-card" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId} className="card-title">
          Nhập từ tệp
        </h2>
        <p className="card-hint">
          Tệp .xlsx hoặc .csv (UTF-8), nhiều nhất {MAX_IMPORT_BYTES / 1024 / 1024} MB.
        </p>
      </div>

      <label
        htmlFor={inputId}
        className={`ie-drop${dragging ? ' is-dragging' : ''}${busy ? ' is-busy' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => (busy ? e.preventDefault() : onDrop(e))}
      >
        <svg className="ie-drop-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
          <path
            d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="ie-drop-main">
          {file ? (
            <>
              <strong className="ie-file-name">{file.name}</strong>{' '}
              <span className="muted">({formatBytes(file.size)})</span>
            </>
          ) : (
            <>
              <strong>Chọn tệp</strong>
              <span className="ie-drop-drag"> hoặc kéo thả tệp vào đây</span>
            </>
          )}
        </span>
        {file && <span className="ie-drop-hint">Chọn tệp khác để kiểm tra lại.</span>}
        <input
          ref={inputRef}
          id={inputId}
          className="ie-file-input"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => choose(e.target.files)}
        />
      </label>

      {(step.kind === 'idle' || step.kind === 'refused') && <HeaderHelp />}

      {busy && (
        <UploadBar
          progress={step.progress}
          label={step.kind === 'checking' ? 'Đang gửi tệp để kiểm tra' : 'Đang ghi vào cơ sở dữ liệu'}
          working={step.kind === 'checking' ? 'Máy chủ đang kiểm tra từng dòng…' : 'Máy chủ đang ghi…'}
          onCancel={() => abort.current?.abort()}
          cancelLabel={step.kind === 'checking' ? 'Hủy' : 'Hủy gửi'}
          canCancel={!step.progress?.sent}
        />
      )}

      <div ref={resultRef} tabIndex={-1} className="ie-result" aria-live="polite">
        {step.kind === 'written' && (
          <div className="ie-done">
            <p className="form-success">{writtenSentence(step.answer, step.file.name)}</p>
            <div className="form-actions">
              <button type="button" className="button button-secondary" onClick={reset}>
                Nhập tệp khác
              </button>
            </div>
          </div>
        )}

        {step.kind === 'refused' && (
          <Refusal error={step.error} written={step.afterCheck !== null} onReset={reset} />
        )}

        {(step.kind === 'checked' || step.kind === 'writing') && (
          <ImportPreview
            answer={step.answer}
            writing={step.kind === 'writing'}
            onWrite={() => void write(step.file, step.answer)}
            onCancel={reset}
          />
        )}
      </div>
    </section>
  );
}

function Refusal({ error, written, onReset }: { error: ApiError; written: boolean; onReset: () => void }) {
  const problems = refusalProblems(error);
  return (
    <div className="ie-refusal">
      <p className="form-error" role="alert">
        {problems ? 'Tệp chưa nhập được: không dòng nào được ghi.' : error.message}
      </p>
      {problems && (
        <>
          <p className="ie-text">
            {written ? 'Số liệu vừa thay đổi trong lúc chờ ghi. ' : ''}
            Hãy sửa {problems.count > 1 ? `${problems.count.toLocaleString('vi-VN')} lỗi` : 'lỗi'} dưới đây
            trong tệp rồi chọn lại tệp.
          </p>
          <ProblemList problems={problems.errors} count={problems.count} />
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onReset}>
          Chọn tệp khác
        </button>
      </div>
    </div>
  );
}

function UploadBar({
  progress,
  label,
  working,
  onCancel,
  cancelLabel,
  canCancel,
}: {
  progress: UploadProgress | null;
  label: string;
  working: string;
  onCancel: () => void;
  cancelLabel: string;
  canCancel: boolean;
}) {
  const id = useId();
  const share = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : null;
  const sent = progress?.sent ?? false;
  return (
    <div className="ie-progress">
      <div className="ie-progress-head">
        <span id={id}>{sent ? working : label}</span>
        {!sent && share !== null && <span className="ie-progress-share">{share}%</span>}
      </div>
      {sent || share === null ? (
        <progress className="ie-progress-bar" aria-labelledby={id} />
      ) : (
        <progress className="ie-progress-bar" aria-labelledby={id} max={100} value={share} />
      )}
      {canCancel && (
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      )}
    </div>
  );
}
