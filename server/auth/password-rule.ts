import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import { AppError } from '../lib/errors';

// What a password must be beyond its length (shared/accounts.ts `passwordSchema`, at least
// MIN_PASSWORD_LENGTH characters): not one an attacker tries early. zxcvbn-ts estimates how
// many guesses a password takes from lists of common passwords, words, names, keyboard runs,
// sequences, repeats and dates; fewer than 10^8 (its score below 3) is refused. The names of
// the people and the product are added, so "danguy2025" or the username with digits fail too.
// docs/decisions/009-accounts-cannot-climb.md says why this rule and not character classes.

/** A score of 3: about 10^8 guesses, out of reach of online guessing and slow for a stolen hash. */
const MIN_SCORE = 3;

/** Words a guess at a school party committee's accounts starts with. */
const LOCAL_WORDS = [
  'chitieu',
  'chi-tieu',
  'dangbo',
  'danguy',
  'chibo',
  'dangvien',
  'bithu',
  'capuy',
  'quantri',
  'admin',
  'matkhau',
  'truong',
  'caodang',
  'daihoc',
  'supham',
  'vietnam',
  'hanoi',
  'saigon',
  'hochiminh',
  'dangcongsan',
];

type Checker = { check: (password: string, userInputs?: string[]) => ZxcvbnResult };
let loaded: Promise<Checker> | null = null;

// The dictionaries weigh a few megabytes: loaded the first time a password is set, not at start.
function checker(): Promise<Checker> {
  loaded ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, local: LOCAL_WORDS },
        graphs: common.adjacencyGraphs,
      }),
  );
  return loaded;
}

/** Lower case without diacritics, as people type a name into a password. */
const folded = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

function reason(result: ZxcvbnResult, personal: Set<string>): string {
  const weakest = [...result.sequence].sort((a, b) => b.token.length - a.token.length)[0];
  if (weakest?.pattern === 'dictionary' && personal.has(folded(weakest.token)))
    return 'giống tên đăng nhập hoặc họ tên';
  switch (weakest?.pattern) {
    case 'dictionary':
      return 'là một mật khẩu hay một từ thông dụng, dễ bị thử trước tiên';
    case 'repeat':
      return 'lặp lại cùng một ký tự hay một nhóm ký tự';
    case 'sequence':
      return 'là một dãy liên tiếp như abcd hay 1234';
    case 'spatial':
      return 'là một dãy phím liền nhau như qwerty';
    case 'date':
    case 'regex':
      return 'dựa vào ngày tháng hay năm';
    default:
      return 'quá đơn giản';
  }
}

/** Refuses, with the reason in one sentence, a password that would be guessed early. */
export async function demandStrongPassword(
  password: string,
  person: { username?: string; displayName?: string },
  field = 'password',
): Promise<void> {
  const personal = new Set(
    [person.username, ...(person.displayName ?? '').split(/\s+/), person.displayName?.replace(/\s+/g, '')]
      .filter((w): w is string => !!w && w.length >= 3)
      .map(folded),
  );
  const zxcvbn = await checker();
  // Judged as typed and as it reads without diacritics and spaces ("Nguyễn Văn Hòa 1" is
  // "nguyenvanhoa1"): the weaker of the two counts.
  const result = [password, folded(password).replace(/\s+/g, '')]
    .map((p) => zxcvbn.check(p, [...personal]))
    .sort((a, b) => a.guessesLog10 - b.guessesLog10)[0]!;
  if (result.score >= MIN_SCORE) return;
  throw new AppError(
    400,
    'weak_password',
    `Mật khẩu này dễ bị đoán vì ${reason(result, personal)}; hãy chọn một câu dài hơn hoặc ghép vài từ không liên quan với nhau.`,
    field,
  );
}

/** The same check for a password set outside a request (ADMIN_PASSWORD): the reason, or null. */
export async function weakPasswordReason(password: string, username: string): Promise<string | null> {
  try {
    await demandStrongPassword(password, { username });
    return null;
  } catch (e) {
    if (e instanceof AppError) return e.message;
    throw e;
  }
}
