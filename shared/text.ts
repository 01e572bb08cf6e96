// Search that ignores Vietnamese diacritics and case: "dao tao" finds "Phòng Đào tạo"
// (docs/rules.md, "Units"), since many people type without an input method.

/** Lowercase, without diacritics, 'đ' as 'd', single spaces, trimmed. */
export function foldVietnamese(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // 'đ' is a letter of its own, not d with a combining mark, so NFD leaves it alone.
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Every word of the query occurs somewhere in the text, in any order. */
export function matchesSearch(text: string, query: string): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const folded = foldVietnamese(text);
  return words.every((w) => folded.includes(w));
}

/** Input quoted back in a message, cut short: the message stays one sentence however long the input. */
export function clipQuote(s: string, max = 40): string {
  if (s.length <= max) return s;
  // Never half a surrogate pair at the cut.
  const cut = /[\uD800-\uDBFF]$/.test(s.slice(0, max)) ? max - 1 : max;
  return `${s.slice(0, cut)}…`;
}

/**
 * Whether text can be stored and shown as typed: well-formed Unicode (no lone surrogate,
 * which no UTF-8 file or database column can hold) and no control characters, save tabs
 * and line breaks where `lines` allows them.
 */
export function isPlainText(s: string, lines = false): boolean {
  return !(lines ? /[^\P{Cc}\t\n\r]|\p{Cs}/u : /[\p{Cc}\p{Cs}]/u).test(s);
}

/** Whether anything is left to read once spaces and invisible format characters (zero-width, direction marks) are set aside. */
export function hasVisibleText(s: string): boolean {
  return /[^\s\p{Cf}]/u.test(s);
}
