import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ReportSettings, ReportSettingsDto } from '../../../../shared/schemas/report-settings';
import { useVersionedSave } from '../../../components/editing/use-versioned-save';
import { useSchemaForm } from '../../../components/forms/use-schema-form';
import { useLeaveGuard } from '../../../lib/navigation';
import { reportSettingsQueryOptions, usePutReportSettings } from '../api/report-settings';
import {
  fromForm,
  type SettingsFormValues,
  sameSettings,
  settingsFormSchema,
  toForm,
} from '../utils/settings-form';

const SETTINGS = 'settings';

export type SettingsNotice = { tone: 'ok' | 'info'; text: string } | null;

const FIELD_NAMES: readonly string[] = [
  'above',
  'issuer',
  'number',
  'symbol',
  'place',
  'onBehalf',
  'signerTitle',
  'signer',
  'recipients',
] satisfies (keyof SettingsFormValues)[];

/**
 * The form of the report's settings ("Thông tin văn bản"): its values as typed, which the paper
 * is drawn from at once; whether they differ from what is stored; the save, with the version it
 * was read at (a 409 waits for the person's choice, as on every screen that writes); and the
 * defaults of the unit's kind to start again from.
 */
export function useSettingsForm(unit: string, data: ReportSettingsDto, editable: boolean) {
  const queryClient = useQueryClient();
  const put = usePutReportSettings();
  const form = useSchemaForm(settingsFormSchema, toForm(data.settings));
  const [notice, setNotice] = useState<SettingsNotice>(null);
  // Opened at once when nothing is saved yet: the number, the place and the signer are to fill.
  const [open, setOpen] = useState(editable && data.version === 0);

  const saving = useVersionedSave<typeof SETTINGS, ReportSettingsDto>({
    initial: () => [[SETTINGS, data]],
    // "Lấy thông tin hiện tại": what the other person saved goes into the fields.
    onTheirs: (_, current) => {
      if (!current) return;
      queryClient.setQueryData(reportSettingsQueryOptions({ unit }).queryKey, current);
      form.reset(toForm(current.settings));
      setNotice({
        tone: 'info',
        text: 'Đã lấy thông tin văn bản hiện tại; các thay đổi của bạn đã được bỏ.',
      });
    },
  });
  const stored = saving.stored.get(SETTINGS) ?? data;
  const conflict = saving.conflicts.get(SETTINGS);

  const typed = form.watch();
  /** What the paper shows: the form's values for who may change them, else what is stored. */
  const settings: ReportSettings = editable ? fromForm(typed) : stored.settings;
  const dirty = editable && !sameSettings(settings, stored.settings);
  useLeaveGuard(dirty);

  // What someone else saved is taken in while nothing here is unsaved: only a newer version than
  // the one held, never the query's older copy after a conflict brought a newer one.
  const { setStored } = saving;
  const { reset } = form;
  useEffect(() => {
    if (dirty || saving.saving || data.version <= stored.version) return;
    setStored(new Map([[SETTINGS, data]]));
    reset(toForm(data.settings));
  }, [data, dirty, saving.saving, stored.version, setStored, reset]);

  const send = async (values: ReportSettings, version: number): Promise<boolean> => {
    const out = await saving.save(() => put.mutateAsync({ unit, body: { ...values, version } }), {
      key: SETTINGS,
    });
    if (!out.ok) {
      const field = out.refusal?.field?.split('.')[0];
      if (out.refusal && field && FIELD_NAMES.includes(field)) {
        setOpen(true);
        saving.dismiss();
        form.setError(
          field as keyof SettingsFormValues,
          { type: 'server', message: out.refusal.message },
          { shouldFocus: true },
        );
      }
      if (out.conflicts > 0) setOpen(true);
      return false;
    }
    saving.remember([[SETTINGS, out.answer]]);
    form.reset(toForm(out.answer.settings));
    setNotice({ tone: 'ok', text: 'Đã lưu thông tin văn bản; văn bản Word tải về sẽ dùng thông tin này.' });
    return true;
  };

  /** Checks and saves what is typed; true once it is stored. */
  const submit = (): Promise<boolean> =>
    new Promise((resolve) => {
      setNotice(null);
      if (saving.saving || conflict) return resolve(false);
      void form.handleSubmit(
        async (values) => resolve(await send(values, stored.version)),
        () => {
          setOpen(true);
          resolve(false);
        },
      )();
    });

  // 409: keep mine (sent again over the version now stored) or take theirs into the fields.
  const keepMine = () => {
    if (!conflict || saving.saving) return;
    const version = saving.choose(SETTINGS, 'mine').get(SETTINGS)?.version ?? 0;
    void form.handleSubmit((values) => send(values, version))();
  };

  const restoreDefaults = () => {
    form.reset(toForm(stored.defaults), { keepDefaultValues: true });
    saving.reset();
    setNotice({
      tone: 'info',
      text: 'Đã điền thông tin mặc định; bấm “Lưu thông tin văn bản” để dùng cho văn bản Word.',
    });
  };

  const discard = () => {
    form.reset(toForm(stored.settings));
    saving.reset();
    setNotice({ tone: 'info', text: 'Đã bỏ các thay đổi chưa lưu.' });
  };

  return {
    form,
    settings,
    stored,
    dirty,
    editable,
    saving,
    conflict,
    notice,
    setNotice,
    open,
    setOpen,
    submit,
    keepMine,
    restoreDefaults,
    discard,
    /** Whether the stored settings are the defaults of the unit's kind already. */
    atDefaults: sameSettings(settings, stored.defaults),
  };
}

export type SettingsForm = ReturnType<typeof useSettingsForm>;
