import type { Request } from "express";
import { negotiateLocale, type Locale } from "@ketnoi/contracts";
import { validationFailed } from "../errors";

/** The viewer's language for messages: the Accept-Language header, Vietnamese by default. */
export function requestLocale(req: Request): Locale {
  return negotiateLocale(req.get("accept-language"));
}

const EVENT_SLUG = /^[a-z0-9-]{3,64}$/;

/**
 * The event the page acts in (the X-Ketnoi-Event header, an event's slug), for a firm taking part in
 * several at once; undefined when the page names none. A malformed one is a field error.
 */
export function requestEvent(req: Request): string | undefined {
  const slug = req.get("x-ketnoi-event");
  if (slug === undefined || slug === "") return undefined;
  if (!EVENT_SLUG.test(slug)) throw validationFailed({ event: "unknownEvent" });
  return slug;
}
