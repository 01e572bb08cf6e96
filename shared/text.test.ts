import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesSearch } from './text';

describe('folding Vietnamese for search', () => {
  it.each([
    { s: 'Phòng Đào tạo', folded: 'phong dao tao' },
    { s: 'Đảng ủy', folded: 'dang uy' },
    { s: '  Chi bộ   Khoa\tLý luận  ', folded: 'chi bo khoa ly luan' },
    { s: 'Hoàn thành xuất sắc nhiệm vụ', folded: 'hoan thanh xuat sac nhiem vu' },
    { s: 'Vững mạnh tiêu biểu', folded: 'vung manh tieu bieu' },
    // Text typed on some keyboards arrives precomposed, on others decomposed.
    { s: 'Đảng ủy'.normalize('NFD'), folded: 'dang uy' },
    { s: '', folded: '' },
  ])('"$s" -> "$folded"', ({ s, folded }) => {
    expect(foldVietnamese(s)).toBe(folded);
  });
});

describe('search finds names with or without diacritics', () => {
  it.each([
    { name: '"dao tao" finds "Phòng Đào tạo"', text: 'Phòng Đào tạo', query: 'dao tao', found: true },
    { name: '"DANG UY" finds "Đảng ủy"', text: 'Đảng ủy', query: 'DANG UY', found: true },
    { name: 'with diacritics too', text: 'Phòng Đào tạo', query: 'Đào tạo', found: true },
    { name: 'words in any order', text: 'Chi bộ Khoa Lý luận cơ sở', query: 'ly luan chi bo', found: true },
    { name: 'part of a word', text: 'Chi bộ Khoa Lý luận', query: 'kho', found: true },
    { name: 'every word must occur', text: 'Phòng Đào tạo', query: 'dao tao khoa', found: false },
    { name: 'an unrelated name', text: 'Công đoàn', query: 'dao tao', found: false },
    { name: 'an empty query matches everything', text: 'Công đoàn', query: '', found: true },
    { name: 'a blank query matches everything', text: 'Công đoàn', query: '   ', found: true },
  ])('$name', ({ text, query, found }) => {
    expect(matchesSearch(text, query)).toBe(found);
  });
});
