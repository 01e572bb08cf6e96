import {
  type ImportProblem,
  type ImportResponse,
  importResponseSchema,
  MAX_IMPORT_BYTES,
} from '../../../../shared/import-export';
import { ApiError } from '../../../lib/api';

// POST /api/import[?dryRun=1] with the file as multipart/form-data. XMLHttpRequest rather
// than the typed client: fetch reports no upload progress, and a 20 MB file on a school's
// network takes long enough for a person to want to see it move.

export interface UploadProgress {
  /** Bytes sent so far and in all; `total` 0 while unknown. */
  loaded: number;
  total: number;
  /** Everything is sent: the server is reading and checking. */
  sent: boolean;
}

export interface UploadOptions {
  dryRun: boolean;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE = 'Không kết nối được máy chủ; hãy kiểm tra mạng rồi thử lại.';

/** The rows named by a refusal (400, 403 or 423), with how many there are in all. */
export function refusalProblems(error: unknown): { errors: ImportProblem[]; count: number } | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.body?.errors)) return null;
  const errors = error.body.errors as ImportProblem[];
  const count = typeof error.body.errorCount === 'number' ? error.body.errorCount : errors.length;
  return { errors, count };
}

export function uploadImport(
  file: File,
  { dryRun, onProgress, signal }: UploadOptions,
): Promise<ImportResponse> {
  if (file.size > MAX_IMPORT_BYTES)
    return Promise.reject(
      new ApiError(
        'payload_too_large',
        `Tệp quá lớn: mỗi lần nhập nhiều nhất ${MAX_IMPORT_BYTES / 1024 / 1024} MB; hãy chia thành nhiều tệp nhỏ hơn.`,
        413,
        'file',
      ),
    );
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import${dryRun ? '?dryRun=1' : ''}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) =>
      onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0, sent: false });
    xhr.upload.onload = () => onProgress?.({ loaded: file.size, total: file.size, sent: true });
    xhr.onerror = () => reject(new ApiError('network_error', NETWORK_MESSAGE, 0));
    xhr.onabort = () => reject(new DOMException('Đã hủy', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) {
        const parsed = importResponseSchema.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else
          reject(
            new ApiError('bad_response', 'Máy chủ trả lời không đúng dạng; hãy thử lại sau ít phút.', 500),
          );
        return;
      }
      const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)
        ?.error;
      if (error && typeof error.message === 'string' && typeof error.code === 'string') {
        reject(
          new ApiError(
            error.code,
            error.message,
            xhr.status,
            typeof error.field === 'string' ? error.field : undefined,
            body as Record<string, unknown>,
          ),
        );
        return;
      }
      reject(
        xhr.status >= 502 && xhr.status <= 504
          ? new ApiError('network_error', NETWORK_MESSAGE, xhr.status)
          : new ApiError(
              'bad_response',
              `Máy chủ trả lời không đúng dạng (mã ${xhr.status}); hãy thử lại sau ít phút.`,
              xhr.status,
            ),
      );
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
