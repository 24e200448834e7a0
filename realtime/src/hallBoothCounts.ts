import type { BoothCounts } from "@ketnoi/contracts";

/**
 * Every booth's visitor count, as this node last heard it: counted across all nodes once, then kept
 * current by each announcement (this node's own, and the other nodes' through the adapter). A
 * newcomer to the hall is told this map instead of every node listing all its sockets per arrival,
 * which a crowd arriving at once turned into thousands of cross-node requests.
 */
export interface HallBoothCounts {
  /** A booth's count was announced (here or on another node). */
  set(companyId: string, visitors: number): void;
  /** The whole map (counted across nodes the first time, or after `forget`). */
  all(): Promise<BoothCounts>;
  /** Announcements may have been missed (Redis was away): count afresh next time. */
  forget(): void;
}

export function createHallBoothCounts(countAll: () => Promise<BoothCounts>): HallBoothCounts {
  let counts: Map<string, number> | null = null;
  let loading: Promise<Map<string, number>> | null = null;
  // Announcements heard while the first count is under way are newer than it: applied after it.
  let heardWhileLoading: [string, number][] = [];
  const apply = (map: Map<string, number>, companyId: string, visitors: number) =>
    visitors > 0 ? map.set(companyId, visitors) : map.delete(companyId);
  return {
    set(companyId, visitors) {
      if (counts) apply(counts, companyId, visitors);
      else if (loading) heardWhileLoading.push([companyId, visitors]);
    },
    async all() {
      if (!counts) {
        loading ??= countAll().then(
          (fresh) => {
            const map = new Map(Object.entries(fresh));
            for (const [companyId, visitors] of heardWhileLoading) apply(map, companyId, visitors);
            heardWhileLoading = [];
            counts = map;
            loading = null;
            return map;
          },
          (err: unknown) => {
            loading = null;
            heardWhileLoading = [];
            throw err;
          },
        );
        return Object.fromEntries(await loading);
      }
      return Object.fromEntries(counts);
    },
    forget() {
      counts = null;
    },
  };
}
