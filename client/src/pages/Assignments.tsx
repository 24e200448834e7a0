import { useTranslation } from "react-i18next";
import { useMeetings } from "../lib/queries/meetings";
import { RequireRole } from "../components/RequireRole";
import { Async, Empty } from "../components/States";
import { AgendaItem, CalendarLinks, DayView } from "./Agenda";
import { usePageTitle } from "../lib/usePageTitle";

/** An interpreter's assignments by fair day: the parties and their languages, the table or video room; below, the same in her calendar. */
function List() {
  const { t } = useTranslation();
  return (
    <Async query={useMeetings()} empty={t("assignments.empty")}>
      {(all) => {
        const mine = all.filter((m) => m.slot && (m.status === "booked" || m.status === "held"));
        return mine.length ? (
          <DayView meetings={mine} render={(m) => <AgendaItem key={m.id} m={m} interpreterView />} />
        ) : (
          <Empty>{t("assignments.empty")}</Empty>
        );
      }}
    </Async>
  );
}

export default function Assignments() {
  const { t } = useTranslation();
  usePageTitle(t("assignments.title"));
  return (
    <RequireRole roles={["interpreter"]}>
      {() => (
        <>
          <h1>{t("assignments.title")}</h1>
          <List />
          <CalendarLinks />
        </>
      )}
    </RequireRole>
  );
}
