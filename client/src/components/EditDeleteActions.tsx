import { useState } from "react";
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { send } from "../lib/api";
import { Failure } from "./States";

/**
 * An organiser list item's actions: edit, and delete after a confirmation (DELETE `path`); a refused
 * deletion shows the api's reason. `onDeleted` runs once the api has deleted it and the `stale`
 * queries are read again.
 */
export function EditDeleteActions({
  path,
  stale,
  onEdit,
  onDeleted,
}: {
  path: string;
  stale: QueryKey[];
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const client = useQueryClient();
  // `onDeleted` first: the list read again no longer has this item, and this component goes with it.
  const remove = useMutation({
    mutationFn: () => send("DELETE", path),
    onSuccess: () => {
      onDeleted();
      return Promise.all(stale.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  return (
    <>
      <Failure error={remove.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onEdit}>
          {t("common.programme.edit")}
        </button>
        {confirming ? (
          <>
            <button type="button" onClick={() => remove.mutate()}>
              {t("common.programme.confirmDelete")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t("common.programme.cancel")}
            </button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t("common.programme.delete")}
          </button>
        )}
      </div>
    </>
  );
}
