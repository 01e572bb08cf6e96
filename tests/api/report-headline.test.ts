import { describe, expect, it } from 'vitest';
import { AS_OF, testApp } from '../helpers/app';

// docs/rules.md, "One headline": the report of a unit and period heads with the very numbers
// its dashboard heads with — its committee's lines, and its single targets — for every unit
// of the demo and every kind of period, the mid-year review and a running term included; and
// the report's text closes with them.

describe('one headline for the dashboard and the report', () => {
  const t = testApp({ demo: true });
  const get = (path: string) => t.call('GET', path).then((r) => r.body);

  it('gives the report the dashboard’s counts, everywhere in the demo', async () => {
    const { units } = await get('/api/units');
    const periods = ['2021', '2023', '2025', '2025-H1', '2026', '2026-H1', 'NK2020-2025', 'NK2025-2030'];
    let withLines = 0;
    let withSingle = 0;
    for (const unit of units)
      for (const period of periods) {
        const q = `unit=${unit.id}&period=${period}&asOf=${AS_OF}`;
        const { summary } = await get(`/api/dashboard?${q}`);
        const report = await get(`/api/report?${q}&format=json`);
        const where = `${unit.name} ${period}`;
        expect(report.headline.lines, where).toEqual(summary.lines);
        expect(report.headline.single, where).toEqual(
          summary.withTarget > 0
            ? { total: summary.withTarget, achieved: summary.achieved, share: summary.share }
            : null,
        );
        // The text reads the same numbers: the lines' count last, the single targets before it.
        const text: string = report.text;
        if (summary.lines) {
          withLines++;
          expect(text).toContain(
            `Có ${summary.lines.achieved}/${summary.lines.total} chỉ tiêu chủ yếu đạt và vượt`,
          );
        }
        if (summary.withTarget > 0) {
          withSingle++;
          expect(text).toMatch(
            new RegExp(`Có ${summary.achieved}/${summary.withTarget} chỉ tiêu (cụ thể )?đạt và vượt`),
          );
        }
      }
    // The demo has lines and single targets to compare, not only empty periods.
    expect(withLines).toBeGreaterThan(3);
    expect(withSingle).toBeGreaterThan(20);
  });
});
