import { z } from "zod";
import { ProgrammeParamsSchema, ProgrammeProgressSchema, ProgrammeTargetsBodySchema, ProgrammeTargetsSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { ProgrammeContext } from "../../commands/programme/context";
import { saveYearTargets, yearTargets } from "../../commands/programme/targets";
import { countedInVietnamese, yearProgress } from "../../commands/programme/progress";
import { programmeReportPdf, reportFilename } from "../../commands/programme/report";
import { presentProgrammeProgress, presentProgrammeTargets } from "../../presenters/programme";
import { presentProgrammeWorkbook } from "../../presenters/programmeWorkbook";
import { organiserScope } from "../organiserScope";

const noQuery = z.strictObject({});
const tags = ["programme"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The city's programme over a year (organisers): its targets, the progress across every event of the
 * year, and the periodic report to the People's Committee as a PDF and as a workbook of its figures.
 */
export function programmeEndpoints(ctx: ProgrammeContext) {
  const scope = organiserScope(ctx);
  return [
    defineEndpoint({
      method: "get",
      path: "/programme/:year/targets",
      summary: "A year's programme targets (organisers): as entered, else the plans' own figures (Plan 35/KH-UBND, Plan 267/KH-UBND)",
      tags,
      access: ["organiser"],
      before: [scope.programme],
      request: { params: ProgrammeParamsSchema, query: noQuery },
      responses: { 200: { description: "The year's targets", schema: ProgrammeTargetsSchema } },
      handler: async ({ params }) => ({ body: presentProgrammeTargets(await yearTargets(ctx, params.year)) }),
    }),
    defineEndpoint({
      method: "put",
      path: "/programme/:year/targets",
      summary: "Enter a year's programme targets (organisers): a range per measure (about 920 is 920-920, 30-40 is 30-40)",
      tags,
      access: ["organiser"],
      before: [scope.programme],
      request: { params: ProgrammeParamsSchema, query: noQuery, body: ProgrammeTargetsBodySchema },
      responses: { 200: { description: "The year's targets as stored", schema: ProgrammeTargetsSchema } },
      handler: async ({ params, body, auth }) => ({ body: presentProgrammeTargets(await saveYearTargets(ctx, params.year, body, auth!.user.id)) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/programme/:year/progress",
      summary:
        "Progress towards a year's targets across every event of the year (organisers): approved registrations, each firm once; " +
        "and each event's firms, meetings held and outcomes",
      tags,
      access: ["organiser"],
      before: [scope.programme],
      request: { params: ProgrammeParamsSchema, query: noQuery },
      responses: { 200: { description: "Targets, progress and events", schema: ProgrammeProgressSchema } },
      handler: async ({ params }) => ({ body: presentProgrammeProgress(await yearProgress(ctx, params.year)) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/programme/:year/report.pdf",
      summary: "The periodic report to the People's Committee (organisers): A4, Vietnamese, targets against progress, charts, each event",
      tags,
      access: ["organiser"],
      before: [scope.programme],
      request: { params: ProgrammeParamsSchema, query: noQuery },
      responses: { 200: { description: "A PDF" } },
      handler: async ({ params }) => {
        const { pdf, filename } = await programmeReportPdf(ctx, params.year);
        return { raw: { contentType: "application/pdf", data: pdf, filename } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/programme/:year/report.xlsx",
      summary: "The report's figures as a workbook (organisers): targets and progress, each event, each firm and what it counts towards",
      tags,
      access: ["organiser"],
      before: [scope.programme],
      request: { params: ProgrammeParamsSchema, query: noQuery },
      responses: { 200: { description: "An XLSX workbook" } },
      handler: async ({ params }) => {
        const p = await yearProgress(ctx, params.year);
        const data = await presentProgrammeWorkbook({ ...p, ...countedInVietnamese(p), producedAt: ctx.now() });
        return { raw: { contentType: XLSX, data, filename: reportFilename(params.year, "xlsx") } };
      },
    }),
  ];
}
