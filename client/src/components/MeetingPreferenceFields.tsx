import { useTranslation } from "react-i18next";
import { DAY_PARTS, MEETING_MODE_PREFERENCES } from "@ketnoi/contracts";
import { Field } from "./Field";

type PreferenceValues = { message: string; mode: string; dayPart: string };
interface PreferenceForm {
  values: PreferenceValues;
  error(path: string): string | undefined;
  set(key: keyof PreferenceValues & string, value: string): void;
}

/** How a meeting is wanted: onsite or online, morning or afternoon (not when a slot is chosen), and a message. */
export function MeetingPreferenceFields({ form, withDayPart = true }: { form: PreferenceForm; withDayPart?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="row">
        <Field label={t("common.meeting.mode")} error={form.error("mode")}>
          {(p) => (
            <select {...p} value={form.values.mode} onChange={(e) => form.set("mode", e.target.value)}>
              {MEETING_MODE_PREFERENCES.map((m) => <option key={m} value={m}>{t(`common.meeting.modePref.${m}`)}</option>)}
            </select>
          )}
        </Field>
        {withDayPart && (
          <Field label={t("common.meeting.dayPart")} error={form.error("dayPart")}>
            {(p) => (
              <select {...p} value={form.values.dayPart} onChange={(e) => form.set("dayPart", e.target.value)}>
                {DAY_PARTS.map((d) => <option key={d} value={d}>{t(`common.meeting.dayPartValue.${d}`)}</option>)}
              </select>
            )}
          </Field>
        )}
      </div>
      <Field label={t("common.meeting.message")} error={form.error("message")} hint={t("common.meeting.messageHint")}>
        {(p) => <textarea {...p} rows={3} value={form.values.message} onChange={(e) => form.set("message", e.target.value)} />}
      </Field>
    </>
  );
}
