import { useTranslation } from "react-i18next";
import { dayIn, rangeIn, zones } from "../lib/slotTime";
import { useFairTimeZone } from "../lib/queries/fair";
import { useFairZoneLabel } from "./fairZone";

/** A slot in the viewer's zone with the fair's time beside it when they differ. */
export function SlotTime({ start, end, withDay = true }: { start: string; end: string; withDay?: boolean }) {
  const { i18n } = useTranslation();
  const z = zones(start, useFairTimeZone());
  const fairLabel = useFairZoneLabel(z.fair, start);
  return (
    <span className="slot-time">
      <time dateTime={start}>
        {withDay && <>{dayIn(start, z.viewer, i18n.language)} </>}
        {rangeIn(start, end, z.viewer, i18n.language)}
      </time>
      {z.differs && (
        <small className="fair-zone">
          {" "}
          · {fairLabel} {rangeIn(start, end, z.fair, i18n.language)}
        </small>
      )}
    </span>
  );
}
