import { describe, expect, it } from 'vitest';
import { isAchieved, lineStatus, STATUS_LABELS, type Status, summarize } from './judgement';

// The judgement of a target line and of a whole report, from the statuses of their parts
// (judgement.test.ts judges each target against its result).

describe('the status of a target line, first rule that applies', () => {
  it.each<{ name: string; parts: Status[]; status: Status }>([
    {
      name: '100% against 90% with 20% against 20% is Vượt (seeds 004, 2021)',
      parts: ['exceeded', 'met'],
      status: 'exceeded',
    },
    { name: 'all parts met is Đạt', parts: ['met', 'met'], status: 'met' },
    {
      name: 'one part missed is Không đạt',
      parts: ['exceeded', 'missed', 'not_yet', 'no_data'],
      status: 'missed',
    },
    {
      name: 'one part not yet met is Chưa đạt',
      parts: ['exceeded', 'not_yet', 'no_data'],
      status: 'not_yet',
    },
    {
      name: 'one part without result is Chưa có số liệu',
      parts: ['exceeded', 'met', 'no_data'],
      status: 'no_data',
    },
    {
      name: 'a part without target counts as without result',
      parts: ['met', 'no_target'],
      status: 'no_data',
    },
    { name: 'a single part is its own status', parts: ['exceeded'], status: 'exceeded' },
    { name: 'a line with no parts has no data', parts: [], status: 'no_data' },
  ])('$name', ({ parts, status }) => {
    expect(lineStatus(parts)).toBe(status);
  });
});

describe('đạt và vượt', () => {
  it.each<{ status: Status; achieved: boolean }>([
    { status: 'exceeded', achieved: true },
    { status: 'met', achieved: true },
    { status: 'not_yet', achieved: false },
    { status: 'missed', achieved: false },
    { status: 'no_data', achieved: false },
    { status: 'no_target', achieved: false },
  ])('$status is achieved: $achieved', ({ status, achieved }) => {
    expect(isAchieved(status)).toBe(achieved);
  });

  it.each<{ status: Status; label: string }>([
    { status: 'exceeded', label: 'Vượt' },
    { status: 'met', label: 'Đạt' },
    { status: 'not_yet', label: 'Chưa đạt' },
    { status: 'missed', label: 'Không đạt' },
    { status: 'no_data', label: 'Chưa có số liệu' },
    { status: 'no_target', label: 'Chưa giao chỉ tiêu' },
  ])('$status reads "$label"', ({ status, label }) => {
    expect(STATUS_LABELS[status]).toBe(label);
  });
});

describe('the summary heading every report', () => {
  const repeat = (s: Status, times: number): Status[] => Array.from({ length: times }, () => s);

  it.each([
    {
      name: '9/11 chỉ tiêu đạt và vượt is 81,82%',
      statuses: [...repeat('exceeded', 6), ...repeat('met', 3), 'missed', 'no_data'] as Status[],
      expected: {
        total: 11,
        exceeded: 6,
        met: 3,
        missed: 1,
        no_data: 1,
        withTarget: 11,
        achieved: 9,
        shareX100: 8182,
      },
    },
    {
      name: 'targets not set are left out of the share',
      statuses: ['met', 'not_yet', 'no_target'] as Status[],
      expected: { total: 3, met: 1, not_yet: 1, no_target: 1, withTarget: 2, achieved: 1, shareX100: 5000 },
    },
    {
      name: '2/3 is 66,67%',
      statuses: ['met', 'exceeded', 'missed'] as Status[],
      expected: { total: 3, withTarget: 3, achieved: 2, shareX100: 6667 },
    },
    {
      name: 'no targets at all has no share',
      statuses: ['no_target'] as Status[],
      expected: { total: 1, withTarget: 0, achieved: 0, shareX100: null },
    },
    {
      name: 'an empty list',
      statuses: [] as Status[],
      expected: {
        total: 0,
        exceeded: 0,
        met: 0,
        not_yet: 0,
        missed: 0,
        no_data: 0,
        no_target: 0,
        withTarget: 0,
        achieved: 0,
        shareX100: null,
      },
    },
  ])('$name', ({ statuses, expected }) => {
    expect(summarize(statuses)).toMatchObject(expected);
  });
});
