import type { EventScopes } from "@ketnoi/contracts";
import { AppError, notFound, validationFailed } from "../../errors";
import { eventPolicy } from "../../policies/event";
import type { CommandContext } from "../context";
import type { FairRecord } from "../../repositories/fairRepository";
import type { UserRecord } from "../../repositories/userRepository";

/** An organiser and the events they organise: "all", or some. */
export interface OrganiserScopeRow {
  user: UserRecord;
  events: "all" | FairRecord[];
}

function rowOf(user: UserRecord, fairs: FairRecord[]): OrganiserScopeRow {
  if (!eventPolicy.isScoped(user)) return { user, events: "all" };
  const byId = new Map(fairs.map((f) => [f.id, f]));
  // An event deleted since keeps its id in the list (harmless: no fair has it); the list shows the ones there are.
  return { user, events: (user.eventScopes ?? []).flatMap((id) => byId.get(id) ?? []) };
}

/** Every organiser and their events (for organisers of the whole programme, who set them). */
export async function listOrganiserScopes({ repos }: CommandContext, caller: UserRecord): Promise<OrganiserScopeRow[]> {
  if (!eventPolicy.canOrganiseProgramme(caller)) throw new AppError("forbidden", { event: "programmeNotOrganised" });
  const [organisers, fairs] = await Promise.all([repos.users.listByRole("organiser"), repos.fairs.list()]);
  return organisers.map((u) => rowOf(u, fairs));
}

/**
 * An organiser of the whole programme sets which events another organiser organises: "all", or some
 * by short name (stored as fair ids, so a renamed event stays in scope). Their next request sees it.
 */
export async function setOrganiserScopes({ repos }: CommandContext, caller: UserRecord, id: string, events: EventScopes): Promise<OrganiserScopeRow> {
  const target = await repos.users.findById(id);
  if (!target) throw notFound();
  if (!eventPolicy.canOrganiseProgramme(caller)) throw new AppError("forbidden", { event: "programmeNotOrganised" });
  if (target.id === caller.id) throw new AppError("forbidden", { user: "scopesOwnAccount" });
  if (!eventPolicy.canSetScopes(caller, target)) throw new AppError("conflict", { user: "scopesNotOrganiser" });
  const fairs = await repos.fairs.list();
  let ids: string[] | null = null;
  if (events !== "all") {
    const bySlug = new Map(fairs.map((f) => [f.slug, f]));
    const unknown = events.filter((s) => !bySlug.has(s));
    if (unknown.length) throw validationFailed({ events: "unknownEvent" });
    ids = [...new Set(events.map((s) => bySlug.get(s)!.id))];
  }
  await repos.users.setEventScopes(target.id, ids);
  return rowOf((await repos.users.findById(target.id))!, fairs);
}
