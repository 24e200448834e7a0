import { z } from "zod";
import { recordProfileView, type MatchingContext } from "../../commands/matching/recommendations";
import { CompanyCardSchema, CompanyMemberSchema, CompanyPrivateViewSchema, DirectoryPageSchema, normalizeSearchText } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { notFound } from "../../errors";
import type { Repositories } from "../../repositories";
import { companyPolicy } from "../../policies/company";
import { presentCompanyCard, presentCompanyPrivate } from "../../presenters/company";
import { updateCompanyProfile } from "../../commands/updateCompanyProfile";
import { findVisibleCompany } from "../../policies/companyVisibility";
import { approveCompany } from "../../commands/approveCompany";
import { withDescendants } from "../../domain/taxonomyCodes";
import type { DirectoryService } from "../../services/directory";
import { importCompanies } from "../../commands/importCompanies";
import { getAvailability, setBlockedSlots } from "../../commands/companyAvailability";
import { companiesToCsv } from "../../domain/companyCsv";
import * as S from "./schema";

export function companyEndpoints(repos: Repositories, directory: DirectoryService, matching: MatchingContext, publicOrigin: string, now: () => Date) {
  return [
    defineEndpoint({
      method: "get",
      path: "/companies",
      summary: "Directory of the current fair: filters, free text without diacritics, paging (organisers also see unlisted and pending firms)",
      tags: ["companies"],
      access: "public",
      request: S.CompaniesListSchema,
      responses: { 200: { description: "A page of companies", schema: DirectoryPageSchema } },
      handler: async ({ query, auth }) => {
        const fair = await repos.fairs.findCurrent(now());
        if (!fair) throw notFound();
        const terms = query.sector || query.process ? await repos.taxonomy.list() : [];
        const { cards, total } = await directory.search({
          fairId: fair.id,
          words: query.q ? normalizeSearchText(query.q).split(" ").filter(Boolean).slice(0, 8) : [],
          kind: query.kind,
          sectors: query.sector ? withDescendants(query.sector, terms) : undefined,
          processes: query.process ? withDescendants(query.process, terms) : undefined,
          certifications: query.certification ? [query.certification] : undefined,
          country: query.country,
          language: query.language,
          participation: query.participation,
          status: query.status,
          publicOnly: auth?.user.role !== "organiser",
          sort: query.sort,
          skip: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        });
        return { body: { data: cards, page: query.page, pageSize: query.pageSize, total } };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/companies/import",
      summary: "Import a company list (CSV, UTF-8) into the current fair: a report per line; bad lines are not imported (organisers)",
      tags: ["companies"],
      access: ["organiser"],
      request: S.CompaniesImportSchema,
      responses: { 200: { description: "What was created, updated and rejected, and why", schema: S.CompaniesImportResult } },
      handler: async ({ body, locale }) => ({ body: await importCompanies(repos, directory, body.csv, body.dryRun, locale, now()) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/export",
      summary: "All companies of the current fair as CSV, in the import format (organisers)",
      tags: ["companies"],
      access: ["organiser"],
      request: S.CompaniesExportSchema,
      responses: { 200: { description: "text/csv" } },
      handler: async () => {
        const fair = await repos.fairs.findCurrent(now());
        if (!fair) throw notFound();
        const rows = (await repos.companies.listAll()).filter((c) => c.fairId === fair.id);
        rows.sort((a, b) => (a.sortName < b.sortName ? -1 : 1));
        return { csv: { filename: `${fair.slug}-companies.csv`, text: companiesToCsv(rows) } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/:id",
      summary: "One company: the public card, or the whole profile for its members and organisers",
      tags: ["companies"],
      access: "public",
      request: S.CompaniesGetSchema,
      responses: { 200: { description: "The company", schema: z.union([CompanyPrivateViewSchema, CompanyCardSchema]) } },
      handler: async ({ params, auth }) => {
        const company = await findVisibleCompany(repos, auth?.user, params.id);
        await recordProfileView(matching, auth?.user, company);
        return { body: companyPolicy.canSeePrivate(auth?.user, company) ? presentCompanyPrivate(company) : presentCompanyCard(company) };
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
      handler: async ({ params, auth }) => {
        const company = await repos.companies.findById(params.id);
        if (!company || !companyPolicy.canSeePrivate(auth?.user, company)) throw notFound();
        const members = await repos.users.listByCompany(company.id);
        const rank = (r?: string) => (r === "owner" ? 0 : 1);
        members.sort((a, b) => rank(a.companyRole) - rank(b.companyRole) || a.name.localeCompare(b.name));
        return { body: members.map((u) => ({ id: u.id, name: u.name, email: u.email, companyRole: u.companyRole ?? "member" })) };
      },
    }),
    defineEndpoint({
      method: "patch",
      path: "/companies/:id",
      summary: "Update a company's profile (its members, organisers); taxonomy codes are checked",
      tags: ["companies"],
      access: "signedIn",
      request: S.CompaniesUpdateSchema,
      responses: { 200: { description: "The updated profile", schema: CompanyPrivateViewSchema } },
      handler: async ({ params, body, auth }) => {
        const updated = await updateCompanyProfile(repos, auth!.user, params.id, body);
        await directory.companyChanged(updated.id);
        matching.matching.companyChanged(updated);
        return { body: presentCompanyPrivate(updated) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/:id/availability",
      summary: "The fair's slots and whether the company can meet in each (its members, organisers)",
      tags: ["companies"],
      access: "signedIn",
      request: S.CompaniesAvailabilitySchema,
      responses: { 200: { description: "Slots in UTC with availability and the reason when not", schema: S.AvailabilityView } },
      handler: async ({ params, auth }) => ({ body: await getAvailability(repos, auth!.user, params.id) }),
    }),
    defineEndpoint({
      method: "put",
      path: "/companies/:id/availability",
      summary: "Set the slots the company cannot meet in (its members, organisers)",
      tags: ["companies"],
      access: "signedIn",
      request: S.CompaniesSetAvailabilitySchema,
      responses: { 204: { description: "Saved" } },
      handler: async ({ params, body, auth }) => {
        await setBlockedSlots(repos, auth!.user, params.id, body.blocked);
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/companies/:id/approve",
      summary: "Approve a self-registered company; its members are told by mail (organisers; approving again changes nothing)",
      tags: ["companies"],
      access: ["organiser"],
      request: S.CompaniesApproveSchema,
      responses: { 204: { description: "Approved" } },
      handler: async ({ params }) => {
        await approveCompany(repos, directory, publicOrigin, params.id);
        return {};
      },
    }),
  ];
}
