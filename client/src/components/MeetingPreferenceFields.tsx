import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DAY_PARTS, MEETING_MODE_PREFERENCES } from "@ketnoi/contracts";
import { Field } from "./Field";

type Preference = "mode" | "dayPart" | "message";

/**
 * How a meeting is wanted: onsite or online, morning or afternoon (not when a slot is chosen), and a
 * message. Each control is the form's own field (`register`), with its message (`error`).
 */
export function MeetingPreferenceFields({
  register,
  error,
  withDayPart = true,
}: {
  register: (name: Preference) => UseFormRegisterReturn;
  error: (name: Preference) => string | undefined;
  withDayPart?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="row">
        <Field label={t("common.meeting.mode")} error={error("mode")}>
          {(p) => (
            <select {...p} {...register("mode")}>
              {MEETING_MODE_PREFERENCES.map((m) => (
                <option key={m} value={m}>
                  {t(`common.meeting.modePref.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {withDayPart && (
          <Field label={t("common.meeting.dayPart")} error={error("dayPart")}>
            {(p) => (
              <select {...p} {...register("dayPart")}>
                {DAY_PARTS.map((d) => (
                  <option key={d} value={d}>
                    {t(`common.meeting.dayPartValue.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <Field label={t("common.meeting.message")} error={error("message")} hint={t("common.meeting.messageHint")}>
        {(p) => <textarea {...p} rows={3} {...register("message")} />}
      </Field>
    </>
  );
}
