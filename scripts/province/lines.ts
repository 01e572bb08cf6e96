import { formatNumber } from '../../shared/format';
import { TERM, YEARS } from './catalogue';
import { type ProvinceWriter, stampOf } from './writer';

/** The province's "chỉ tiêu chủ yếu", one list per year and one for the term, from its targets. */
export const rootLines = (w: ProvinceWriter, root: number) => {
  const { sqlite, insertLines, counts } = w;
  const own = sqlite.prepare(
    `SELECT i.code AS code, t.value_x100 AS x100 FROM targets t JOIN indicators i ON i.id = t.indicator_id
     WHERE t.unit_id = ? AND t.period = ?`,
  );
  for (const p of [...YEARS.map(String), TERM]) {
    const t = new Map(
      (own.all(root, p) as { code: string; x100: number | null }[]).map((r) => [r.code, (r.x100 ?? 0) / 100]),
    );
    const n = (code: string) => formatNumber(t.get(code) ?? 0);
    const when = p === TERM ? 'nhiệm kỳ 2020–2025' : `năm ${p}`;
    const lines = [
      {
        text: `Có ${n('DV_HTT')}% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có ${n('DV_HTXS')}% đảng viên hoàn thành xuất sắc nhiệm vụ`,
        codes: ['DV_HTT', 'DV_HTXS'],
      },
      {
        text: `Kết nạp ${n('KET_NAP')} đảng viên mới; bồi dưỡng nhận thức về Đảng cho ${n('QC_BOI_DUONG')} quần chúng ưu tú`,
        codes: ['KET_NAP', 'QC_BOI_DUONG'],
      },
      {
        text: `Số đảng viên bị kỷ luật trong ${when} không quá ${n('KY_LUAT')} đồng chí`,
        codes: ['KY_LUAT'],
      },
      {
        text: `Các chi bộ tổ chức ${n('SH_CHUYEN_DE')} buổi sinh hoạt chuyên đề; ${n('SH_DAY_DU')}% lượt đảng viên dự sinh hoạt chi bộ định kỳ`,
        codes: ['SH_CHUYEN_DE', 'SH_DAY_DU'],
      },
      {
        text: `Thực hiện ${n('KIEM_TRA_GS')} cuộc kiểm tra, giám sát, hoàn thành 100% kế hoạch kiểm tra, giám sát`,
        codes: ['KIEM_TRA_GS', 'KH_KIEM_TRA'],
      },
      {
        text: `Giúp đỡ ${n('HO_THOAT_NGHEO')} hộ thoát nghèo; xây dựng, sửa chữa ${n('NHA_DAI_DOAN_KET')} nhà Đại đoàn kết`,
        codes: ['HO_THOAT_NGHEO', 'NHA_DAI_DOAN_KET'],
      },
      {
        text: `Có ${n('GD_VAN_HOA')}% hộ gia đình đạt danh hiệu Gia đình văn hóa; ${n('BHYT')}% người dân tham gia bảo hiểm y tế`,
        codes: ['GD_VAN_HOA', 'BHYT'],
      },
      {
        text: '100% đảng viên tham gia học tập, quán triệt nghị quyết; thu, nộp đảng phí đúng hạn 100%',
        codes: ['HOC_TAP_NQ', 'THU_DANG_PHI'],
      },
      {
        text: 'Đảng bộ tỉnh hoàn thành tốt nhiệm vụ trở lên; Mặt trận Tổ quốc và các đoàn thể đạt vững mạnh',
        codes: ['XL_TCD', 'XL_DOAN_THE'],
      },
    ];
    insertLines.run(root, p, JSON.stringify(lines), stampOf(p, 'target'));
    counts.lines++;
  }
};
