import { z } from 'zod';
import { type ReportSettings, reportSettingsFields } from '../../../../shared/schemas/report-settings';

// The report's settings as the form holds them: every field a text box, "Nơi nhận" one
// recipient a line. Checked with the server's own schema, so the form says in its words what
// the server would refuse; the recipients' refusals name the line they are about.

export type SettingsFormValues = Omit<ReportSettings, 'recipients'> & { recipients: string };

/** The lines of the box, each trimmed, the empty ones left out. */
export const recipientsOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export const settingsFormSchema = reportSettingsFields.extend({
  recipients: z.string().transform((text, ctx) => {
    const checked = reportSettingsFields.shape.recipients.safeParse(recipientsOf(text));
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) {
      const line = typeof issue.path[0] === 'number' ? issue.path[0] + 1 : null;
      ctx.addIssue({ code: 'custom', message: line ? `Dòng ${line}: ${issue.message}` : issue.message });
    }
    return z.NEVER;
  }),
});

export const toForm = (s: ReportSettings): SettingsFormValues => ({
  ...s,
  recipients: s.recipients.join('\n'),
});

/**
 * What the document says while the form is typed in, valid or not: the texts as they stand
 * (the document trims them), the recipients a line each.
 */
export const fromForm = (v: Partial<SettingsFormValues>): ReportSettings => ({
  above: v.above ?? '',
  issuer: v.issuer ?? '',
  number: v.number ?? '',
  symbol: v.symbol ?? '',
  place: v.place ?? '',
  onBehalf: v.onBehalf ?? '',
  signerTitle: v.signerTitle ?? '',
  signer: v.signer ?? '',
  recipients: recipientsOf(v.recipients ?? ''),
});

const FIELDS = [
  'above',
  'issuer',
  'number',
  'symbol',
  'place',
  'onBehalf',
  'signerTitle',
  'signer',
] as const satisfies readonly (keyof ReportSettings)[];

/** Whether two settings would write different documents (spaces around a text count for nothing). */
export function sameSettings(a: ReportSettings, b: ReportSettings): boolean {
  return (
    FIELDS.every((f) => a[f].trim() === b[f].trim()) &&
    a.recipients.length === b.recipients.length &&
    a.recipients.every((r, i) => r.trim() === b.recipients[i]?.trim())
  );
}
