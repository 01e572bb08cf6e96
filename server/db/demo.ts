import { count } from 'drizzle-orm';
import { prng } from '../../shared/random';
import { defaultReportSettings } from '../../shared/report-document';
import type { Value } from '../../shared/value';
import { todayIso } from '../../shared/vietnam-time';
import { newIndicatorRow } from '../domain/indicators';
import { valueColumns } from '../domain/values';
import type { Db } from './client';
import { CELLS, DEPARTMENTS, EXCELLENT, GOOD, INDICATORS, MASS, ROOT } from './demo-organisation';
import { indicators, memberRatings, reportSettings, results, targetLines, targets, units } from './schema';

// The demo data: the organisation of demo-organisation.ts, with targets and results from 2021
// to the current year (and for the terms 2020–2025 and 2025–2030) chosen so that every status
// appears. Its resolution is written as real ones are (docs/rules.md, "What real resolutions
// hold"): the members' shares summed from the chi bộ's reports, the chi bộ counted by their
// rating, one target for each đoàn thể and a line judged at them, a term's yearly target
// ("hằng năm"), and the current year's admissions set relative to last year's.

/** A demo figure as a value: a number, a level's name, or a ratio's counts. */
const demoValue = (v: number | string | [number, number]): Value =>
  typeof v === 'number'
    ? { type: 'number', x100: Math.round(v * 100) }
    : typeof v === 'string'
      ? { type: 'level', level: v }
      : { type: 'ratio', numerator: v[0], denominator: v[1] };

export interface DemoSummary {
  units: number;
  indicators: number;
  values: number;
}

/** Loads the demo organisation when the database holds no units; returns what it wrote. */
export function loadDemoDataIfEmpty(db: Db, today = new Date()): DemoSummary | null {
  const existing = db.select({ n: count() }).from(units).get()!.n;
  if (existing > 0) return null;
  return db.transaction((tx) => {
    const ind = new Map<string, number>();
    INDICATORS.forEach((d, i) => {
      const row = tx
        .insert(indicators)
        .values(newIndicatorRow(d, i + 1))
        .returning({ id: indicators.id })
        .get();
      ind.set(d.code, row.id);
    });

    let position = 0;
    const addUnit = (name: string, kind: string, parentId: number | null) =>
      tx
        .insert(units)
        .values({ name, kind, parentId, position: ++position })
        .returning({ id: units.id })
        .get().id;
    const root = addUnit(ROOT, 'dang_bo', null);
    const cells = CELLS.map((c) => ({ ...c, id: addUnit(c.name, 'chi_bo', root) }));
    const [training, science] = DEPARTMENTS.map((d) => addUnit(d, 'don_vi', root)) as [
      number,
      number,
      number,
    ];
    const mass = MASS.map((m) => addUnit(m, 'doan_the', root));
    // The committee's report header, as its office would have set it once (the root's committee
    // above is not in the tree).
    tx.insert(reportSettings)
      .values({
        unitId: root,
        settings: {
          ...defaultReportSettings({ name: ROOT, kind: 'dang_bo' }, null),
          above: 'ĐẢNG BỘ TỈNH HỒNG LAM',
          place: 'Hồng Lam',
          signer: 'Trần Minh Đức',
          recipients: [
            'Ban Thường vụ Tỉnh ủy (để báo cáo)',
            'Các chi bộ trực thuộc',
            'Lưu Văn phòng Đảng ủy',
          ],
        },
      })
      .run();

    let values = 0;
    const key = (unitId: number, code: string, period: string) => ({
      unitId,
      indicatorId: ind.get(code)!,
      period,
    });
    const target = (
      unitId: number,
      code: string,
      period: string,
      v: number | string | { percent: number },
      eachYear = false,
    ) => {
      values++;
      // A change from last year's result stores no value: it is computed when read.
      const { valueX100, level } =
        typeof v === 'object' ? { valueX100: null, level: null } : valueColumns(demoValue(v));
      const change =
        typeof v === 'object' ? { changeKind: 'percent' as const, changeX100: v.percent * 100 } : {};
      tx.insert(targets)
        .values({ ...key(unitId, code, period), valueX100, level, ...change, eachYear })
        .run();
    };
    const result = (
      unitId: number,
      code: string,
      period: string,
      v: number | string | [number, number],
      note?: string,
    ) => {
      values++;
      tx.insert(results)
        .values({ ...key(unitId, code, period), ...valueColumns(demoValue(v)), note: note ?? null })
        .run();
    };

    // The current year as far as a real committee has come in its month (Vietnam's calendar):
    // the spring intake and the first resolutions studied from April, the second half's intake,
    // admissions and topics from October, the teachers' awards of 20 November, and in December
    // the chi bộ's review of their members and of themselves. The committee's own rating, by the
    // level above, comes after the year.
    const [currentYear, month] = todayIso(today).split('-').map(Number) as [number, number];
    const reached = {
      spring: month >= 4,
      autumn: month >= 10,
      awards: month >= 11,
      review: month === 12,
    };
    const rand = prng(2021);

    for (let year = 2021; year <= currentYear; year++) {
      const y = String(year);
      const current = year === currentYear;
      const k = year - 2021; // years since the first demo year

      // The committee's own targets for the year, in the manner of the 2021 resolution.
      target(root, 'DV_HTT', y, 90);
      target(root, 'DV_HTXS', y, 20);
      target(root, 'CB_HTT', y, 3);
      target(root, 'CB_HTXS', y, 1);
      // From 2025 on, the new term's resolution says it for every year (NK2025-2030 below).
      if (year < 2025) target(root, 'HOC_TAP_NQ', y, 100);
      target(root, 'NCKH_TINH', y, 1);
      target(root, 'NCKH_CS', y, year === 2023 ? 2 : 1);
      target(root, 'KH_DAO_TAO', y, 100);
      target(root, 'GV_GIOI', y, 3);
      target(root, 'TUYEN_SINH', y, 1500 + 50 * k);
      target(root, 'KET_NAP', y, 2);
      target(root, 'KY_LUAT', y, 0);
      target(root, 'XL_DANG_BO', y, 'Hoàn thành tốt nhiệm vụ');
      // The resolution's "chỉ tiêu chủ yếu" for the year, as the 2021 report lists them.
      const pad = (n: number) => String(n).padStart(2, '0');
      const cs = year === 2023 ? 2 : 1;
      tx.insert(targetLines)
        .values({
          unitId: root,
          period: y,
          lines: [
            {
              text: 'Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ',
              codes: ['DV_HTT', 'DV_HTXS'],
            },
            {
              text: 'Có 03 chi bộ hoàn thành tốt nhiệm vụ trở lên và có ít nhất 01 chi bộ hoàn thành xuất sắc nhiệm vụ',
              codes: ['CB_HTT', 'CB_HTXS'],
            },
            {
              text: '100% đảng viên, quần chúng tham gia học tập các nghị quyết của Đảng',
              codes: ['HOC_TAP_NQ'],
            },
            {
              text: `Phối hợp Ban Giám hiệu lãnh đạo thực hiện tốt 01 đề tài nghiên cứu khoa học cấp tỉnh, ${pad(cs)} đề tài nghiên cứu khoa học cấp cơ sở`,
              codes: ['NCKH_TINH', 'NCKH_CS'],
            },
            {
              text: `Phối hợp Ban Giám hiệu hoàn thành tốt kế hoạch đào tạo, bồi dưỡng năm ${y}`,
              codes: ['KH_DAO_TAO'],
            },
            {
              text: `Trong năm ${y}, có 03 giảng viên đạt danh hiệu giảng viên dạy giỏi các cấp`,
              codes: ['GV_GIOI'],
            },
            // Judged where the đoàn thể are rated: each holds the target below.
            {
              text: 'Lãnh đạo các đoàn thể đạt vững mạnh',
              codes: [],
              parts: [{ code: 'XL_DOAN_THE', below: ['doan_the'] }],
            },
          ],
        })
        .run();
      // The mid-year review's own targets.
      target(root, 'TUYEN_SINH', `${y}-H1`, 250);
      target(root, 'KET_NAP', `${y}-H1`, 1);
      target(root, 'KH_DAO_TAO', `${y}-H1`, 50);
      // The current year's admissions: 5% more than last year's, as the school's plan says.
      target(training, 'TUYEN_SINH', y, current ? { percent: 5 } : 1500 + 50 * k);
      target(science, 'NCKH_TINH', y, 1);
      target(science, 'NCKH_CS', y, 1);
      // "Các đoàn thể đạt vững mạnh": one target for each đoàn thể, as POST /api/targets/below stores it.
      for (const m of mass) target(m, 'XL_DOAN_THE', y, 'Vững mạnh');

      // What of the year is in: all of a past year; of the current one, as far as its month.
      const done = current ? reached : { spring: true, autumn: true, awards: true, review: true };
      // Halves: admissions, research, teaching awards and new members are counted twice a year.
      const halves = [...(done.spring ? ['H1'] : []), ...(done.autumn ? ['H2'] : [])];
      // Admissions: the autumn intake dominates; 2023 fell short of the plan.
      const intake = [
        [240, 1320],
        [260, 1310],
        [210, 1210],
        [280, 1340],
        [300, 1390],
        [350, 1450],
      ][Math.min(k, 5)]!;
      halves.forEach((h, i) => {
        result(training, 'TUYEN_SINH', `${y}-${h}`, intake[i]!, `Tuyển sinh đợt ${i + 1}`);
      });
      // Research: the provincial topic is accepted in the second half; none in 2024.
      if (done.awards) {
        result(science, 'NCKH_TINH', `${y}-H1`, 0);
        result(
          science,
          'NCKH_TINH',
          `${y}-H2`,
          year === 2024 ? 0 : 1,
          year === 2024
            ? 'Đề tài cấp tỉnh chậm nghiệm thu, chuyển sang năm sau'
            : 'Đã nghiệm thu 01 đề tài cấp tỉnh',
        );
      }
      halves.forEach((h, i) => {
        result(science, 'NCKH_CS', `${y}-${h}`, i === 0 ? 1 : year === 2023 ? 0 : 2, 'Đề tài cấp cơ sở');
      });

      // The cells: member ratings at year end, study, new members, discipline, awards.
      let good = 0;
      let all = 0;
      let admittedInYear = 0;
      cells.forEach((cell, ci) => {
        const members = cell.members + Math.floor(k / 2);
        target(cell.id, 'DV_HTT', y, 90);
        target(cell.id, 'DV_HTXS', y, 20);
        target(cell.id, 'HOC_TAP_NQ', y, 100);
        target(cell.id, 'KET_NAP', y, ci < 2 ? 1 : 0);
        target(cell.id, 'KY_LUAT', y, 0);
        if (done.review) {
          // 2021 as in the seed article: everyone good or better; 2023 a weaker year.
          const weak = year === 2021 ? 0 : year === 2023 ? 1 + (ci % 2) : Math.floor(rand() * 2);
          const g = members - weak;
          // Within the cap of 20% of those rated good; 2021 as in the seed: 12 of 60, 20%.
          const excellent =
            year === 2021
              ? [3, 2, 3, 2, 2][ci]!
              : Math.max(1, Math.round(g * 0.2) - (year === 2024 ? ci % 2 : 0));
          // What the cell reported on the member ratings form, and the two shares it gives.
          tx.insert(memberRatings)
            .values({
              unitId: cell.id,
              period: y,
              excellent,
              good: g - excellent,
              complete: weak,
              notComplete: 0,
              // 2022: one member admitted late in the year, not rated yet.
              unrated: year === 2022 && ci === 4 ? 1 : 0,
            })
            .run();
          // The chi bộ's own rating as an organisation, which the committee's counts are made of:
          // four good or better, one of them excellent; 2022 none excellent, 2023 only three good.
          const level =
            ci === 0 && year !== 2022
              ? EXCELLENT
              : ci === 4 || (year === 2023 && ci === 3)
                ? 'Hoàn thành nhiệm vụ'
                : GOOD;
          result(cell.id, 'XL_DANG_BO', y, level);
          result(cell.id, 'DV_HTT', y, [g, members]);
          result(cell.id, 'DV_HTXS', y, [excellent, members]);
          good += g;
          all += members;
          const studied = year === 2022 && ci === 4 ? members - 1 : members;
          result(cell.id, 'HOC_TAP_NQ', y, [studied, members], 'Học tập, quán triệt nghị quyết đầy đủ');
          result(cell.id, 'KY_LUAT', y, year === 2023 && ci === 2 ? 1 : 0);
        }
        if (current) {
          // The resolutions are studied at the start of the year: the first half's report.
          result(cell.id, 'HOC_TAP_NQ', `${y}-H1`, [members - (ci === 3 ? 1 : 0), members]);
          result(cell.id, 'KY_LUAT', `${y}-H1`, 0);
        }
        halves.forEach((h, i) => {
          const admitted = (ci + i + k) % 4 === 0 ? 1 : 0;
          admittedInYear += admitted;
          result(cell.id, 'KET_NAP', `${y}-${h}`, admitted);
          // The teaching awards of the second half are given on 20 November.
          if (ci < 3 && (h === 'H1' || done.awards))
            result(cell.id, 'GV_GIOI', `${y}-${h}`, (ci + i + k) % 3 === 0 ? 1 : 0);
        });
      });

      // What the committee itself records at the year-end review.
      if (year === 2024) {
        // The committee counted one admission its cells had not reported: the dashboard shows
        // both figures and the difference rather than picking one.
        result(root, 'KET_NAP', y, admittedInYear + 1, 'Theo báo cáo của Ban Tổ chức Đảng ủy');
      }
      if (!current) {
        const rating = good / all >= 0.9;
        result(
          root,
          'KH_DAO_TAO',
          y,
          [103, 100, 98.5, 101.2, 104][k % 5]!,
          'Theo báo cáo tổng kết năm của Nhà trường',
        );
        result(root, 'KH_DAO_TAO', `${y}-H1`, [48, 52, 45.5, 51, 55][k % 5]!, 'Sơ kết 6 tháng đầu năm');
        result(root, 'XL_DANG_BO', y, rating ? 'Hoàn thành xuất sắc nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ');
      } else {
        if (done.spring) result(root, 'KH_DAO_TAO', `${y}-H1`, 56.4, 'Sơ kết 6 tháng đầu năm');
        // The year's plan so far, as the school reports it before its year-end review.
        if (done.autumn)
          result(
            root,
            'KH_DAO_TAO',
            y,
            done.review ? 97.8 : 88.5,
            'Tính đến hết tháng trước, theo Phòng Đào tạo',
          );
      }
      if (done.review) {
        mass.forEach((m, mi) => {
          const level =
            year === 2021 && mi === 1
              ? 'Vững mạnh tiêu biểu'
              : year === 2023 && mi === 0
                ? 'Khá'
                : 'Vững mạnh';
          result(m, 'XL_DOAN_THE', y, level);
        });
      }
    }

    // The term's resolution, judged at its end, and the new term's, still under way.
    target(root, 'KET_NAP', 'NK2020-2025', 10);
    target(root, 'NCKH_TINH', 'NK2020-2025', 5);
    target(root, 'GV_GIOI', 'NK2020-2025', 15);
    target(root, 'TUYEN_SINH', 'NK2020-2025', 7500);
    target(root, 'XL_DANG_BO', 'NK2020-2025', 'Hoàn thành tốt nhiệm vụ');
    target(root, 'NCKH_CS', 'NK2020-2025', 5);
    target(root, 'KY_LUAT', 'NK2020-2025', 0);
    target(root, 'KET_NAP', 'NK2025-2030', 12);
    // "Hằng năm 100% đảng viên, quần chúng tham gia học tập nghị quyết": each year's target.
    target(root, 'HOC_TAP_NQ', 'NK2025-2030', 100, true);
    target(root, 'NCKH_TINH', 'NK2025-2030', 5);
    target(root, 'TUYEN_SINH', 'NK2025-2030', 8000);
    target(root, 'GV_GIOI', 'NK2025-2030', 18);

    return { units: position, indicators: INDICATORS.length, values };
  });
}
