import { useTranslation } from "react-i18next";
import { useCommonSlots } from "../lib/queries/meetings";
import { Async } from "./States";
import { SlotTime } from "./SlotTime";

/** The first 24 slots my company and another both have free, as radio buttons (answering, counter-proposing, moving a meeting). */
export function SlotPicker({
  withCompany,
  value,
  onChange,
  label,
}: {
  withCompany: string;
  value: string;
  onChange: (slot: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Async query={useCommonSlots(withCompany)} isEmpty={(s) => s.length === 0} empty={t("common.meeting.noCommonSlots")}>
      {(list) => (
        <div className="slot-grid" role="radiogroup" aria-label={label}>
          {list.slice(0, 24).map((s) => (
            <label key={s.id} className={`slot${value === s.id ? " chosen" : ""}`}>
              <input type="radio" name={`slot-${withCompany}`} value={s.id} checked={value === s.id} onChange={() => onChange(s.id)} />
              <SlotTime start={s.start} end={s.end} />
            </label>
          ))}
        </div>
      )}
    </Async>
  );
}
