import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../lib/api";
import { Notice } from "./States";

/**
 * An organiser list item's actions: edit, and delete after a confirmation (DELETE `path`); a refused
 * deletion shows the api's reason. `onDeleted` runs once the api has deleted it.
 */
export function EditDeleteActions({ path, onEdit, onDeleted }: { path: string; onEdit: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = async () => {
    setFailure(null);
    try {
      await send("DELETE", path);
      onDeleted();
    } catch (err) {
      setFailure(errorText(err));
    }
  };
  return (
    <>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="actions">
        <button type="button" className="secondary" onClick={onEdit}>{t("programme.edit")}</button>
        {confirming ? (
          <>
            <button type="button" onClick={() => void remove()}>{t("programme.confirmDelete")}</button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t("programme.cancel")}</button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>{t("programme.delete")}</button>
        )}
      </div>
    </>
  );
}
