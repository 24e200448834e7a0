import { OpenDataDictionarySchema, OpenDataStatisticsSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { OpenDataContext, OpenDataSnapshot } from "../../commands/openData/context";
import { openDataSnapshot } from "../../commands/openData/openDataSnapshot";
import { OPEN_DATA_LICENCE, presentDictionary, presentFirmsCsv, presentFirmsJson, presentStatisticsCsv } from "../../presenters/openData";

const tags = ["open data"];
const PUBLIC_NOTE = "Consenting firms only: listed, approved, taking part in an event; nothing personal.";

/**
 * The public CNHT data (no sign-in). The downloads are written once per snapshot (a snapshot lives
 * while the companies' revision stands), so a busy download serves the same text again.
 */
export function openDataEndpoints(ctx: OpenDataContext, origin: string) {
  const written = new WeakMap<OpenDataSnapshot, Map<string, string>>();
  const once = (snapshot: OpenDataSnapshot, name: string, write: () => string) => {
    const texts = written.get(snapshot) ?? new Map<string, string>();
    written.set(snapshot, texts);
    if (!texts.has(name)) texts.set(name, write());
    return texts.get(name)!;
  };
  return [
    defineEndpoint({
      method: "get",
      path: "/open-data/statistics",
      summary: "The public statistics: firms by sector, process, district, certification and size, partners by country, per year",
      tags,
      access: "public",
      responses: { 200: { description: PUBLIC_NOTE, schema: OpenDataStatisticsSchema } },
      handler: async () => {
        const snapshot = await openDataSnapshot(ctx);
        return { body: { licence: OPEN_DATA_LICENCE, readAt: snapshot.readAt, ...snapshot.statistics } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/open-data/statistics.csv",
      summary: "The public statistics as CSV, one figure per row (measure, key, value)",
      tags,
      access: "public",
      responses: { 200: { description: `text/csv. ${PUBLIC_NOTE}` } },
      handler: async () => {
        const snapshot = await openDataSnapshot(ctx);
        return { csv: { filename: "cnht-statistics.csv", text: once(snapshot, "statistics.csv", () => presentStatisticsCsv(snapshot.statistics)) } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/open-data/firms.csv",
      summary: "The public firms as CSV (the data dictionary describes every column)",
      tags,
      access: "public",
      responses: { 200: { description: `text/csv. ${PUBLIC_NOTE}` } },
      handler: async () => {
        const snapshot = await openDataSnapshot(ctx);
        return { csv: { filename: "cnht-firms.csv", text: once(snapshot, "firms.csv", () => presentFirmsCsv(snapshot.firms, origin)) } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/open-data/firms.json",
      summary: "The public firms as JSON, with the licence and the dictionary's address",
      tags,
      access: "public",
      responses: { 200: { description: `application/json. ${PUBLIC_NOTE}` } },
      handler: async () => {
        const snapshot = await openDataSnapshot(ctx);
        const text = once(snapshot, "firms.json", () => JSON.stringify(presentFirmsJson(snapshot.firms, snapshot.readAt, origin)));
        return { raw: { contentType: "application/json; charset=utf-8", data: text } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/open-data/dictionary.json",
      summary: "The data dictionary in the reader's language: licence, consent, every file, field and measure",
      tags,
      access: "public",
      responses: { 200: { description: "The dictionary", schema: OpenDataDictionarySchema } },
      handler: async ({ locale }) => ({ body: presentDictionary(locale, origin) }),
    }),
  ];
}
