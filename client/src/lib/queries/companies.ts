import { useQuery } from "@tanstack/react-query";
import type { CompanyCard, CompanyMember, DirectoryPage } from "@ketnoi/contracts";
import { send } from "../api";
import { fetchJson } from "./fetch";
import { keys } from "./keys";
import { useWrite } from "./write";

export type Attachment = { id: string; kind: "logo" | "catalogue"; name: string; contentType: string; size: number };

/** A company as the viewer may see it: the public card, or (members, organisers) the private view. `id` undefined waits. */
export const useCompany = <T = CompanyCard>(id: string | undefined) =>
  useQuery({ queryKey: keys.companies.one(id ?? ""), queryFn: fetchJson<T>(`/companies/${id}`), enabled: !!id });

export const useAttachments = (id: string) =>
  useQuery({ queryKey: keys.companies.attachments(id), queryFn: fetchJson<{ data: Attachment[] }>(`/companies/${id}/attachments`) });

export const useMembers = (id: string | null | undefined) =>
  useQuery({ queryKey: keys.companies.members(id ?? ""), queryFn: fetchJson<CompanyMember[]>(`/companies/${id}/members`), enabled: !!id });

/** A directory page; `query` is its query string ("?kind=foreign&pageSize=100"). */
export const useDirectory = (query: string) =>
  useQuery({
    queryKey: keys.companies.search(query),
    queryFn: fetchJson<DirectoryPage>(`/companies${query}`),
    placeholderData: (previous) => previous,
  });

/** A write to companies (approving one, editing a profile): every company view is read again. */
export const useCompanyWrite = <Body>(write: (body: Body) => Promise<unknown>) => useWrite(write, [keys.companies.all]);

export const approveCompany = (id: string) => send("POST", `/companies/${id}/approve`, {});
