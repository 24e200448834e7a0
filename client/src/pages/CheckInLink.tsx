import { useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "@ketnoi/contracts";
import { send, errorText } from "../lib/api";
import { RequireRole } from "../components/RequireRole";
import { Notice } from "../components/States";
import { usePageTitle } from "../lib/usePageTitle";

/** Where a meeting's QR code points (/check-in/:id?code=): a party or an organiser records it as held. */
export default function CheckInLink() {
  const { t } = useTranslation();
  usePageTitle(t("checkIn.title"));
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const [state, setState] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const checkIn = async () => {
    try {
      const m = await send<MeetingView>("POST", `/meetings/${id}/check-in`, { code: params.get("code") ?? "" });
      setState({ kind: "ok", text: t("checkIn.done", { a: m.requester.name, b: m.recipient.name, table: m.table ?? "" }) });
    } catch (e) {
      setState({ kind: "error", text: errorText(e) });
    }
  };
  return (
    <RequireRole roles={["organiser", "domestic", "vendor"]}>
      {() => (
        <section className="panel narrow">
          <h1>{t("checkIn.title")}</h1>
          <button type="button" onClick={() => void checkIn()}>
            {t("checkIn.confirm")}
          </button>
          {state && <Notice kind={state.kind}>{state.text}</Notice>}
        </section>
      )}
    </RequireRole>
  );
}
