import { BadgeScanListSchema, LeadListSchema, LeadSyncResultSchema, LeadViewSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { CommandContext } from "../../commands/context";
import { syncLeads } from "../../commands/leads/syncLeads";
import { editLead, listFirmLeads } from "../../commands/leads/firmLeads";
import { myBadgeScans, withdrawBadgeScan } from "../../commands/leads/badgeScans";
import { presentBadgeScans, presentLead, presentSyncResults } from "../../presenters/lead";
import { presentLeadsCsv, presentLeadsXlsx } from "../../presenters/leadExport";
import * as S from "./schema";

const tags = ["leads"];
/** A firm's staff, domestic or vendor (commands/leads: an approved firm); organisers and interpreters read no firm's leads. */
const firmStaff = ["domestic", "vendor"] as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function leadEndpoints(ctx: CommandContext) {
  return [
    defineEndpoint({
      method: "post",
      path: "/leads/sync",
      summary: "Send a device's queued badge scans (and offline edits) at once: each recorded, updated or refused with its reason",
      tags,
      access: firmStaff,
      request: S.LeadSyncSchema,
      responses: { 200: { description: "One answer per scan, in the order sent", schema: LeadSyncResultSchema } },
      handler: async ({ auth, body, locale }) => {
        const { outcomes, lookups } = await syncLeads(ctx, auth!.user, body.scans);
        return { body: presentSyncResults(outcomes, lookups, locale) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/leads",
      summary: "My firm's leads, latest scan first (a visitor's e-mail address only where they share it)",
      tags,
      access: firmStaff,
      request: S.LeadListSchema,
      responses: { 200: { description: "The firm's leads", schema: LeadListSchema } },
      handler: async ({ auth, locale }) => {
        const { leads, lookups } = await listFirmLeads(ctx, auth!.user);
        return { body: { data: leads.map((l) => presentLead(l, lookups, locale)) } };
      },
    }),
    defineEndpoint({
      method: "patch",
      path: "/leads/:id",
      summary: "Change a lead's note, rating or follow-up tags",
      tags,
      access: firmStaff,
      request: S.LeadEditSchema,
      responses: { 200: { description: "The lead", schema: LeadViewSchema } },
      handler: async ({ auth, params, body, locale }) => {
        const { lead, lookups } = await editLead(ctx, auth!.user, params.id, body);
        return { body: presentLead(lead, lookups, locale) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/leads/export.csv",
      summary: "My firm's leads as CSV (UTF-8 with BOM; cells safe from spreadsheet formula injection)",
      tags,
      access: firmStaff,
      request: S.LeadListSchema,
      responses: { 200: { description: "text/csv" } },
      handler: async ({ auth, locale }) => {
        const { leads, lookups } = await listFirmLeads(ctx, auth!.user);
        const views = leads.map((l) => presentLead(l, lookups, locale));
        return { csv: { filename: "ketnoi-leads.csv", text: presentLeadsCsv(views, auth!.user.timeZone) } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/leads/export.xlsx",
      summary: "My firm's leads as an Excel workbook (the CSV's columns)",
      tags,
      access: firmStaff,
      request: S.LeadListSchema,
      responses: { 200: { description: XLSX } },
      handler: async ({ auth, locale }) => {
        const { leads, lookups } = await listFirmLeads(ctx, auth!.user);
        const views = leads.map((l) => presentLead(l, lookups, locale));
        return { raw: { contentType: XLSX, data: await presentLeadsXlsx(views, auth!.user.timeZone), filename: "ketnoi-leads.xlsx" } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/me/badge-scans",
      summary: "Who scanned my badge: the firms that keep me as a lead, and when",
      tags,
      access: "signedIn",
      request: S.BadgeScansSchema,
      responses: { 200: { description: "The firms, latest scan first", schema: BadgeScanListSchema } },
      handler: async ({ auth, locale }) => {
        const { leads, companies } = await myBadgeScans(ctx, auth!.user);
        return { body: presentBadgeScans(leads, companies, locale) };
      },
    }),
    defineEndpoint({
      method: "delete",
      path: "/me/badge-scans/:id",
      summary: "Withdraw my consent: the firm no longer has me as a lead; its devices' earlier scans are refused when they sync",
      tags,
      access: "signedIn",
      request: S.BadgeScanWithdrawSchema,
      responses: { 204: { description: "Withdrawn" } },
      handler: async ({ auth, params }) => {
        await withdrawBadgeScan(ctx, auth!.user, params.id);
        return {};
      },
    }),
  ];
}
