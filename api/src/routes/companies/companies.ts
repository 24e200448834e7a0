import { z } from "zod";
import { CompanyCardSchema, CompanyMemberSchema, CompanyPrivateViewSchema, DirectoryPageSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { preparedJsonCache } from "../../http/preparedJson";
import { presentCompanyCard, presentCompanyMember, presentCompanyPrivate } from "../../presenters/company";
import { presentCompanyImport } from "../../presenters/companyImport";
import type { CompanyContext } from "../../commands/companies/context";
import { searchDirectory } from "../../commands/companies/searchDirectory";
import { exportCompanies } from "../../commands/companies/exportCompanies";
import { viewCompany } from "../../commands/companies/viewCompany";
import { companyMembers } from "../../commands/companies/companyMembers";
import { updateCompanyProfile } from "../../commands/companies/updateCompanyProfile";
import { approveCompany } from "../../commands/companies/approveCompany";
import { importCompanies } from "../../commands/companies/importCompanies";
import { getAvailability, setBlockedSlots } from "../../commands/companyAvailability";
import * as S from "./schema";
import { organiserScope } from "../organiserScope";

/** Directory pages recently answered, serialized (the same page for every visitor who asks it). */
const DIRECTORY_PAGES_KEPT = 500;

export function companyEndpoints(ctx: CompanyContext) {
  const scope = organiserScope(ctx);
  const directoryPages = preparedJsonCache(DIRECTORY_PAGES_KEPT);
  return [
    defineEndpoint({
      method: "get",
      path: "/companies",
      summary:
        "Directory of the event in context (X-Ketnoi-Event, else the caller's or the current one): filters, free text without diacritics, paging (organisers also see unlisted and pending firms)",
      tags: ["companies"],
      access: "public",
      request: S.CompaniesListSchema,
      responses: { 200: { description: "A page of companies", schema: DirectoryPageSchema } },
      handler: async ({ query, auth, event }) => {
        const { companies, total, answerKey } = await searchDirectory(ctx, auth?.user, event, query);
        return {
          json: directoryPages(answerKey, () => ({ data: companies.map(presentCompanyCard), page: query.page, pageSize: query.pageSize, total })),
        };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/companies/import",
      summary: "Import a company list (CSV, UTF-8) into the current fair: a report per line; bad lines are not imported (organisers)",
      tags: ["companies"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: S.CompaniesImportSchema,
      responses: { 200: { description: "What was created, updated and rejected, and why", schema: S.CompaniesImportResult } },
      handler: async ({ body, locale, auth, event }) => ({
        body: presentCompanyImport(await importCompanies(ctx, auth!.user, event, body.csv, body.dryRun, locale), locale),
      }),
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/export",
      summary: "All companies of the current fair as CSV, in the import format (organisers)",
      tags: ["companies"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: S.CompaniesExportSchema,
      responses: { 200: { description: "text/csv" } },
      handler: async ({ auth, event }) => ({ csv: await exportCompanies(ctx, auth!.user, event) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/:id",
      summary: "One company: the public card, or the whole profile for its members and organisers",
      tags: ["companies"],
      access: "public",
      request: S.CompaniesGetSchema,
      responses: { 200: { description: "The company", schema: z.union([CompanyPrivateViewSchema, CompanyCardSchema]) } },
      handler: async ({ params, auth, event }) => {
        const { company, whole } = await viewCompany(ctx, auth?.user, event, params.id);
        return { body: whole ? presentCompanyPrivate(company) : presentCompanyCard(company) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/:id/members",
      summary: "A company's team: name, email and role of each member (its members, organisers)",
      tags: ["companies"],
      access: "signedIn",
      request: S.CompaniesMembersSchema,
      responses: { 200: { description: "The members, owners first", schema: z.array(CompanyMemberSchema) } },
      handler: async ({ params, auth }) => ({ body: (await companyMembers(ctx, auth?.user, params.id)).map(presentCompanyMember) }),
    }),
    defineEndpoint({
      method: "patch",
      path: "/companies/:id",
      summary: "Update a company's profile (its members, organisers); taxonomy codes are checked",
      tags: ["companies"],
      access: "signedIn",
      request: S.CompaniesUpdateSchema,
      responses: { 200: { description: "The updated profile", schema: CompanyPrivateViewSchema } },
      handler: async ({ params, body, auth }) => ({ body: presentCompanyPrivate(await updateCompanyProfile(ctx, auth!.user, params.id, body)) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/:id/availability",
      summary: "The fair's slots and whether the company can meet in each (its members, organisers)",
      tags: ["companies"],
      access: "signedIn",
      request: S.CompaniesAvailabilitySchema,
      responses: { 200: { description: "Slots in UTC with availability and the reason when not", schema: S.AvailabilityView } },
      handler: async ({ params, auth, event }) => ({ body: await getAvailability(ctx, auth!.user, event, params.id) }),
    }),
    defineEndpoint({
      method: "put",
      path: "/companies/:id/availability",
      summary: "Set the slots the company cannot meet in (its members, organisers)",
      tags: ["companies"],
      access: "signedIn",
      request: S.CompaniesSetAvailabilitySchema,
      responses: { 204: { description: "Saved" } },
      handler: async ({ params, body, auth, event }) => {
        await setBlockedSlots(ctx, auth!.user, event, params.id, body.blocked);
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/companies/:id/approve",
      summary: "Approve a self-registered company; its members are told by mail (organisers; approving again changes nothing)",
      tags: ["companies"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: S.CompaniesApproveSchema,
      responses: { 204: { description: "Approved" } },
      handler: async ({ params }) => {
        await approveCompany(ctx, params.id);
        return {};
      },
    }),
  ];
}
