// A committee's report settings as the API tests save them (PUT /api/units/:id/report-settings).
export const REPORT_SETTINGS = {
  above: 'ĐẢNG BỘ TỈNH ĐỒNG THÁP',
  issuer: 'ĐẢNG ỦY TRƯỜNG THỬ',
  number: '15',
  symbol: 'BC/ĐU',
  place: 'Cao Lãnh',
  onBehalf: 'T/M ĐẢNG ỦY',
  signerTitle: 'BÍ THƯ',
  signer: 'Nguyễn Văn Thử',
  recipients: ['Ban Thường vụ Tỉnh ủy (để báo cáo)', 'Các chi bộ trực thuộc', 'Lưu Văn phòng Đảng ủy'],
};
