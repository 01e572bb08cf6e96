import type { ExportFormat } from '../../../../shared/import-export';
import { ApiError } from '../../../lib/api';

// GET /api/export and GET /api/import/template: the file is fetched, then handed to the
// browser as a download. A plain link would do the download too, but a refusal (a unit
// outside the user's rights, the server down) would then replace the page with raw JSON;
// here it is shown on the page, in the server's words.

export type FileKind = 'export' | 'template';

const PATHS: Record<FileKind, string> = { export: '/api/export', template: '/api/import/template' };

export function fileUrl(kind: FileKind, params: { unit: string; period: string; format: ExportFormat }) {
  const q = new URLSearchParams({ unit: params.unit, period: params.period, format: params.format });
  return `${PATHS[kind]}?${q}`;
}

/** The name the server gave, from Content-Disposition (its UTF-8 form first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!);
    } catch {}
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('network_error', 'Không kết nối được máy chủ; hãy kiểm tra mạng rồi thử lại.', 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as
      | { error?: { code: string; message: string; field?: string } }
      | undefined;
    if (body?.error?.message)
      throw new ApiError(body.error.code, body.error.message, res.status, body.error.field);
    throw new ApiError(
      'bad_response',
      `Không tải được tệp (mã ${res.status}); hãy thử lại sau ít phút.`,
      res.status,
    );
  }
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the address is withdrawn.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
