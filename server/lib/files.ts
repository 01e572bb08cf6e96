import { foldVietnamese } from '../../shared/text';

/** `attachment` with an ASCII name for old clients and the Vietnamese one (RFC 6266, 5987). */
export function attachment(name: string, extension: string): string {
  const ascii = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  const utf8 = encodeURIComponent(`${name.replace(/[\\/:*?"<>|\r\n]+/g, '-')}.${extension}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii || 'chi-tieu'}.${extension}"; filename*=UTF-8''${utf8}`;
}
