import type { Request } from "express";
import { negotiateLocale, type Locale } from "@ketnoi/contracts";

/** The viewer's language for messages: the Accept-Language header, Vietnamese by default. */
export function requestLocale(req: Request): Locale {
  return negotiateLocale(req.get("accept-language"));
}
