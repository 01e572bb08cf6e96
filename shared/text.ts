// Search that ignores Vietnamese diacritics and case: "dao tao" finds "Phòng Đào tạo"
// (DOMAIN.md, "Units"), since many people type without an input method.

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
