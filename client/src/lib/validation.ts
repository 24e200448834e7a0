import { useCallback, useMemo, useState } from "react";
import type { ZodType } from "zod";
import i18next from "i18next";
import { DEFAULT_LOCALE, errorMapFor, isLocale } from "@ketnoi/contracts";
import { ApiError, errorText } from "./api";


/** Field path ("company.taxCode") -> message, as the api's `error.fields` names them. */
export function fieldErrors(schema: ZodType, value: unknown, locale: string): Record<string, string> {
  // The same messages as the api's (contracts/src/zodMessages.ts).
  const map = errorMapFor(isLocale(locale) ? locale : DEFAULT_LOCALE);
  const result = schema.safeParse(value, { error: map });
  const fields: Record<string, string> = {};
  if (result.success) return fields;
  for (const issue of result.error.issues) {
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) fields[path.map(String).join(".")] ??= issue.message;
  }
  return fields;
}

/**
 * A form checked as you type against a contracts schema: a field's message shows once it has been
 * touched (or on submit); messages the api sends back (`error.fields`) show until the field changes.
 */
export function useForm<T extends Record<string, unknown>>(schema: ZodType, initial: T, toBody: (values: T) => unknown = (v) => v) {
  const [values, setValues] = useState<T>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [server, setServer] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState(false);
  const local = useMemo(() => fieldErrors(schema, toBody(values), i18next.language), [schema, values, toBody, i18next.language]);
  const set = useCallback(<K extends keyof T & string>(key: K, value: T[K], path: string = key) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => new Set(t).add(path));
    setServer((s) => {
      const { [path]: _gone, ...rest } = s;
      return rest;
    });
  }, []);
  const touch = useCallback((path: string) => setTouched((t) => new Set(t).add(path)), []);
  const error = (path: string): string | undefined => server[path] ?? (submitted || touched.has(path) ? local[path] : undefined);
  const valid = Object.keys(local).length === 0;
  /** Marks every field shown; true when the values pass the schema. */
  const check = () => {
    setSubmitted(true);
    return valid;
  };
  /** Shows what the api refused beside each field; returns the whole message for the form's summary. */
  const fromApi = (e: unknown): string => {
    if (e instanceof ApiError && Object.keys(e.fields).length) setServer(e.fields);
    return errorText(e);
  };
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /**
   * A submit handler: checks the values, then runs `action` with the body (`busy` meanwhile). When
   * it throws, the api's messages show beside the fields and `failure` holds the summary, unless
   * `onError` answers with its own (a 409 with free slots instead, say).
   */
  const submit =
    (action: (body: unknown) => Promise<void>, onError?: (e: unknown) => string | undefined) =>
    async (e?: { preventDefault(): void }) => {
      e?.preventDefault();
      if (!check()) return;
      setBusy(true);
      setFailure(null);
      try {
        await action(toBody(values));
      } catch (err) {
        setFailure(onError?.(err) ?? fromApi(err));
      } finally {
        setBusy(false);
      }
    };
  return { values, set, touch, error, valid, check, fromApi, body: () => toBody(values), submit, busy, failure, setFailure };
}
