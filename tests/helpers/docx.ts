import JSZip from 'jszip';

// A .docx as tests read it: unzipped, its body's XML, and the text of each paragraph in
// reading order (table cells paragraph by paragraph, row by row).

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

export interface OpenedDocx {
  zip: JSZip;
  /** word/document.xml */
  xml: string;
  /** Each paragraph's text, empty ones left out. */
  paragraphs: string[];
}

export async function openDocx(bytes: ArrayBuffer | Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''))
    .filter((text) => text.trim() !== '');
  return { zip, xml, paragraphs };
}

/** The runs (w:r) whose text contains `text`, as XML: to read how it is set (bold, underline, size). */
export const runsWith = (xml: string, text: string) =>
  [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]).filter((r) => r.includes(text));

/** Twentieths of a point to millimetres. */
export const twipsToMm = (twips: number) => (twips / 1440) * 25.4;
