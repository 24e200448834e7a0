import { companySearchKey } from "@ketnoi/contracts";
import { DirectoryIndex, type DirectoryEntry, type DirectorySearch } from "../domain/directoryIndex";
import type { Repositories } from "../repositories";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { ParticipationRecord } from "../repositories/participationRepository";
import { asInEvent } from "../domain/events/firmInEvent";
import type { DirectorySnapshot } from "./directorySnapshot";

// A search hands back the company itself: the route presents it (a page at a time).
const toEntry = (c: CompanyRecord): DirectoryEntry<CompanyRecord> => ({
  facets: {
    id: c.id,
    kind: c.kind,
    country: c.country,
    participation: c.participation,
    languages: c.languages,
    sectors: c.sectors,
    processes: c.processes.map((p) => p.code),
    certifications: c.certifications.map((x) => x.code),
  },
  item: c,
  fairId: c.fairId,
  status: c.status ?? "approved",
  listed: c.listed,
  // Built from the profile as it is read, not the key stored with it: a firm stored before the
  // key learnt more (the labels in all five languages) or before the taxonomy's labels changed is
  // found by them all the same, with no migration.
  searchKey: companySearchKey(c),
  sortName: c.sortName,
});

/** How long a search waits for a reload after another process's write before answering from the copy in hand. */
const RELOAD_WAIT_MS = 1000;

/** Each firm once per event it is registered for, as it takes part there (a firm with no registration: in its own event). */
function inEachEvent(companies: CompanyRecord[], registrations: ParticipationRecord[]): CompanyRecord[] {
  const byCompany = new Map<string, ParticipationRecord[]>();
  for (const r of registrations) (byCompany.get(r.companyId) ?? byCompany.set(r.companyId, []).get(r.companyId)!).push(r);
  return companies.flatMap((c) => {
    const own = byCompany.get(c.id)?.filter((r) => r.fairId !== c.fairId) ?? [];
    return [c, ...own.map((r) => asInEvent(c, r))];
  });
}

/**
 * Keeps this process's in-memory directory in step with the database. Before each search it reads
 * the "companies" revision (one query by _id); when another process has written since, it reloads
 * (about a second per 2,500 companies on FerretDB), waiting a second at most before answering from
 * the copy it has. Writes made here are applied at once.
 */
export function createDirectoryService(repos: Repositories, snapshot?: DirectorySnapshot) {
  let index = new DirectoryIndex<CompanyRecord>();
  let loadedRevision = -1;
  let loading: Promise<void> | null = null;
  /** Companies changed here while a reload was reading: its snapshot may predate them. */
  let changedDuringLoad = new Set<string>();

  const refreshEntry = async (target: DirectoryIndex<CompanyRecord>, id: string) => {
    const [company, registrations] = await Promise.all([repos.companies.findById(id), repos.participations.listForCompany(id)]);
    target.remove(id);
    if (company) for (const c of inEachEvent([company], registrations)) target.put(toEntry(c));
  };

  const reload = (revision: number) =>
    (loading ??= (async () => {
      changedDuringLoad = new Set();
      // The first load after a start comes from this host's snapshot when the database has not changed since.
      const key = snapshot && `${await repos.revisions.databaseId()}:${revision}`;
      const kept = key && loadedRevision < 0 ? await snapshot.read(key) : null;
      const firms = kept ?? inEachEvent(...(await Promise.all([repos.companies.listAll(), repos.participations.listAll()])));
      const next = new DirectoryIndex(firms.map(toEntry));
      for (const id of changedDuringLoad) await refreshEntry(next, id);
      index = next;
      loadedRevision = revision;
      if (key && !kept) void snapshot.write(key, firms).catch(() => undefined); // the next start reads it; without it, the database again
    })().finally(() => (loading = null)));

  /**
   * The copy to answer from: loaded first if it never was. When another process wrote since, the
   * reload is waited for up to RELOAD_WAIT_MS (a firm that just joined an event is in its directory
   * at the next look, at Hanoi's scale), and past that the answer comes from the copy in hand while
   * the reload finishes behind it (a large directory's reload never holds up searches for long).
   */
  const current = async () => {
    const revision = await repos.revisions.get("companies");
    if (loadedRevision < 0) await reload(revision);
    else if (revision !== loadedRevision) {
      const reloading = reload(revision).catch(() => undefined);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([reloading, new Promise((resolve) => (timer = setTimeout(resolve, RELOAD_WAIT_MS)))]);
      clearTimeout(timer);
    }
    return index;
  };

  return {
    search: async (query: DirectorySearch) => (await current()).search(query),
    /** An event's firms by kind, country and sector (its summary's figures), from the same copy. */
    counts: async (fairId: string) => (await current()).counts(fairId),
    /** After a bulk change made here (an import): reload now, so this process shows it at once. */
    async refresh() {
      await reload(await repos.revisions.get("companies"));
    },
    /** After this process changed a company: show the change here without waiting for a reload. */
    async companyChanged(id: string) {
      if (loading) changedDuringLoad.add(id);
      await refreshEntry(index, id);
    },
  };
}
export type DirectoryService = ReturnType<typeof createDirectoryService>;
