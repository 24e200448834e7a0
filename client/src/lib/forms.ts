import { useState } from "react";
import i18next from "i18next";
import { zodResolver } from "@hookform/resolvers/zod";
import { get, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { DEFAULT_LOCALE, errorMapFor, isLocale } from "@ketnoi/contracts";
import { ApiError, errorText } from "./api";

/**
 * zodResolver over a contracts schema, its messages in the reader's language (the api's own, from
 * contracts/src/zodMessages.ts). The language is read each time the form is checked, so a reader
 * who switches language mid-form gets the next message in the new one.
 */
export function schemaResolver<S extends z.ZodType<unknown, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  return (values, context, options) => {
    const locale = isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
    const resolve = zodResolver(schema as never, { error: errorMapFor(locale) }) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
    return resolve(values, context, options);
  };
}

/** A number typed into an input: empty stays missing, so the schema names the field as required. */
export const asNumber = { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v)) } as const;

/** A field's message (its own, or the one about its list as a whole), for `<Field error=…>`. */
export function errorOf<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, path: string): string | undefined {
  const e = get(form.formState.errors, path) as { message?: string; root?: { message?: string } } | undefined;
  return e?.message ?? e?.root?.message;
}

/**
 * Puts the api's per-field messages (a 400's `error.fields`, already in the reader's language) on the
 * form's fields with `setError`; `fieldOf` renames an api path the form names otherwise. Returns the
 * whole message for the form's summary.
 */
export function showApiErrors<T extends FieldValues>(
  form: Pick<UseFormReturn<T, unknown, unknown>, "setError">,
  e: unknown,
  fieldOf = (path: string) => path,
): string {
  if (e instanceof ApiError)
    for (const [path, message] of Object.entries(e.fields)) form.setError(fieldOf(path) as Path<T>, { type: "server", message });
  return errorText(e);
}

/**
 * The form's submit handler: checks the values against the schema, then runs `action` with the parsed
 * body (`busy` meanwhile). When it throws, the api's messages land beside the fields and `failure`
 * holds the summary, unless `onError` answers with its own (a 409 with free slots instead, say).
 */
export function useSubmit<T extends FieldValues, Body>(
  form: UseFormReturn<T, unknown, Body>,
  action: (body: Body) => Promise<void>,
  options: { onError?: (e: unknown) => string | undefined; fieldOf?: (path: string) => string } = {},
) {
  const [failure, setFailure] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (body) => {
    setFailure(null);
    try {
      await action(body);
    } catch (e) {
      setFailure(options.onError?.(e) ?? showApiErrors(form, e, options.fieldOf));
    }
  });
  return { onSubmit, busy: form.formState.isSubmitting, failure, setFailure };
}
