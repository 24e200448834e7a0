import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { InterpreterBodySchema, type InterpreterView } from "@ketnoi/contracts";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { send } from "../../lib/api";
import { useFairSummary } from "../../lib/queries/fair";
import { keys } from "../../lib/queries/keys";
import { useInterpreters } from "../../lib/queries/organiser";
import { useWrite } from "../../lib/queries/write";
import { errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { languageName, SPOKEN_LANGUAGES } from "../../lib/labels";
import { fairDate } from "../../lib/time";
import { RequireRole } from "../../components/RequireRole";
import { Field } from "../../components/Field";
import { Async, Empty, Notice } from "../../components/States";
import { EditDeleteActions } from "../../components/EditDeleteActions";
import { usePageTitle } from "../../lib/usePageTitle";

function Choices({
  legend,
  options,
  label,
  values,
  error,
  onChange,
}: {
  legend: string;
  options: string[];
  label: (o: string) => string;
  values: string[];
  error?: string;
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset className={error ? "invalid" : undefined}>
      <legend>{legend}</legend>
      <div className="pick-grid">
        {options.map((o) => (
          <label key={o} className="choice">
            <input
              type="checkbox"
              checked={values.includes(o)}
              onChange={(e) => onChange(e.target.checked ? [...values, o] : values.filter((x) => x !== o))}
            />
            {label(o)}
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** Adds an interpreter, or changes one (`interpreter` given), checked against the api's own schema. */
function InterpreterForm({ days, interpreter, onDone }: { days: string[]; interpreter?: InterpreterView; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm({
    resolver: schemaResolver(InterpreterBodySchema),
    defaultValues: interpreter
      ? { name: interpreter.name, languages: interpreter.languages, availableDays: interpreter.availableDays }
      : { name: "", languages: [], availableDays: [] },
    mode: "all",
  });
  // Plain lists of strings (useFieldArray keeps objects): ticked on and off as a whole list, checked as they change.
  const [languages, availableDays] = form.watch(["languages", "availableDays"]);
  const setList = (name: "languages" | "availableDays", list: string[]) => form.setValue(name, list, { shouldValidate: true, shouldDirty: true });
  // An interpreter's languages outside the usual list are kept and shown too.
  const options = [...SPOKEN_LANGUAGES, ...languages.filter((l) => !SPOKEN_LANGUAGES.includes(l))];
  const save = useWrite(
    (body: z.output<typeof InterpreterBodySchema>) =>
      interpreter ? send("PATCH", `/interpreters/${interpreter.id}`, body) : send("POST", "/interpreters", body),
    [keys.interpreters],
  );
  const submit = useSubmit(form, async (body) => {
    await save.mutateAsync(body);
    onDone(t(interpreter ? "interpreters.updated" : "interpreters.added", { name: body.name }));
  });
  const titleId = interpreter ? `edit-${interpreter.id}` : "add-interpreter";
  const dayError = errorOf(form, "availableDays") ?? availableDays.map((_, i) => errorOf(form, `availableDays.${i}`)).find(Boolean);
  return (
    <form className="panel" onSubmit={submit.onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{interpreter ? t("interpreters.editTitle", { name: interpreter.name }) : t("interpreters.add")}</h2>
      <Field label={t("interpreters.name")} error={errorOf(form, "name")}>
        {(p) => <input {...p} autoComplete="off" {...form.register("name")} />}
      </Field>
      <Choices
        legend={t("interpreters.languages")}
        options={options}
        label={(l) => languageName(l, i18n.language)}
        values={languages}
        error={errorOf(form, "languages")}
        onChange={(l) => setList("languages", l)}
      />
      <Choices
        legend={t("interpreters.days")}
        options={days}
        label={(d) => fairDate(d, i18n.language)}
        values={availableDays}
        error={dayError}
        onChange={(d) => setList("availableDays", [...d].sort())}
      />
      {submit.failure && <Notice kind="error">{submit.failure}</Notice>}
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? t("state.working") : t(interpreter ? "interpreters.save" : "interpreters.create")}
        </button>
        {interpreter && (
          <button type="button" className="secondary" onClick={() => onDone("")}>
            {t("common.programme.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function InterpreterItem({
  interpreter,
  onEdit,
  onChanged,
}: {
  interpreter: InterpreterView;
  onEdit: () => void;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card" aria-label={interpreter.name}>
      <h3 className="h3">{interpreter.name}</h3>
      <ul className="chips" aria-label={t("interpreters.languages")}>
        {interpreter.languages.map((l) => (
          <li key={l}>{languageName(l, i18n.language)}</li>
        ))}
      </ul>
      <p className="muted">
        {interpreter.availableDays.length ? interpreter.availableDays.map((d) => fairDate(d, i18n.language)).join(" · ") : t("interpreters.noDays")}
      </p>
      <EditDeleteActions
        path={`/interpreters/${interpreter.id}`}
        stale={[keys.interpreters]}
        onEdit={onEdit}
        onDeleted={() => onChanged(t("interpreters.deleted", { name: interpreter.name }))}
      />
    </li>
  );
}

/** The fair's interpreters: who bridges which languages on which days (organisers). */
export default function Interpreters() {
  const { t } = useTranslation();
  usePageTitle(t("interpreters.title"));
  const fair = useFairSummary();
  const list = useInterpreters();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setEditing(null);
    setMessage(text || null);
  };
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <p>
            <Link to="/organiser">{t("common.nav.console")}</Link>
          </p>
          <h1>{t("interpreters.title")}</h1>
          <div aria-live="polite">{message && <Notice kind="ok">{message}</Notice>}</div>
          <Async query={fair} empty={t("setup.noFair")}>
            {(f) => (
              <Async query={list} empty={t("interpreters.empty")}>
                {({ data }) => {
                  const current = data.find((i) => i.id === editing);
                  return (
                    <>
                      {current ? (
                        <InterpreterForm key={current.id} days={f.days} interpreter={current} onDone={done} />
                      ) : (
                        <InterpreterForm key={`new-${data.length}`} days={f.days} onDone={done} />
                      )}
                      <section aria-labelledby="interpreters-title">
                        <h2 id="interpreters-title">{t("interpreters.list")}</h2>
                        {data.length === 0 ? (
                          <Empty>{t("interpreters.empty")}</Empty>
                        ) : (
                          <ul className="list grid">
                            {data.map((i) => (
                              <InterpreterItem
                                key={i.id}
                                interpreter={i}
                                onChanged={done}
                                onEdit={() => {
                                  setMessage(null);
                                  setEditing(i.id);
                                  window.scrollTo({ top: 0 });
                                }}
                              />
                            ))}
                          </ul>
                        )}
                      </section>
                    </>
                  );
                }}
              </Async>
            )}
          </Async>
        </>
      )}
    </RequireRole>
  );
}
