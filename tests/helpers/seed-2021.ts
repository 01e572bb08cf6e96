import { PARTY_LEVELS } from '../../server/db/demo-organisation';

// The one real target list we have, from a published conference report: the 2021 "chỉ tiêu chủ
// yếu" of a school's Đảng bộ, as tests/api/seed-2021.test.ts and tests/e2e/seed-2021.test.ts
// enter it (through the API, and through the screens).

/** The four ratings of a party member or organisation, lowest first: the demo's. */
export const PARTY = PARTY_LEVELS;

/** The seven lines, as the resolution words them. */
export const SEED_LINES = [
  'Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ',
  'Có 03 chi bộ hoàn thành tốt nhiệm vụ trở lên và có ít nhất có 01 chi bộ hoàn thành xuất sắc nhiệm vụ',
  '100% đảng viên, quần chúng tham gia học tập các nghị quyết của Đảng; tham gia bồi dưỡng chuyên môn, nghiệp vụ',
  'Phối hợp BGH Trường lãnh đạo thực hiện tốt 01 đề tài nghiên cứu khoa học cấp tỉnh, 01 đề tài nghiên cứu khoa học cấp cơ sở',
  'Phối hợp với BGH Trường hoàn thành tốt Kế hoạch đào tạo, bồi dưỡng năm 2021 được Ban Thường vụ Tỉnh ủy phê duyệt',
  'Trong năm 2021, có 02 giảng viên đạt giảng viên dạy giỏi cấp Trường, 01 giảng viên đạt giảng viên dạy giỏi cấp Học viện',
  'Lãnh đạo các đoàn thể đạt vững mạnh',
];
