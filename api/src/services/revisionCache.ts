/**
 * One value built from the database, kept while the "companies" revision it was built at stands
 * (every company write bumps it, in any api process) and for at most `maxAgeMs`: registrations for
 * events and meetings held change without a company write, so a value that old is rebuilt in the
 * background while the old one still answers. A changed revision waits for the rebuild, so a firm
 * that withdraws its consent is gone from the next answer. Concurrent callers share one build.
 */
export function createRevisionCache<T>(maxAgeMs: number) {
  let current: { revision: number; builtAt: number; value: Promise<T> } | null = null;
  let refreshing = false;
  const start = (revision: number, nowMs: number, build: () => Promise<T>) => {
    const entry = { revision, builtAt: nowMs, value: build() };
    entry.value.catch(() => {
      if (current === entry) current = null;
    });
    return entry;
  };
  return {
    async get(revision: number, nowMs: number, build: () => Promise<T>): Promise<T> {
      if (!current || current.revision !== revision) current = start(revision, nowMs, build);
      else if (nowMs - current.builtAt > maxAgeMs && !refreshing) {
        refreshing = true;
        const next = start(revision, nowMs, build);
        next.value
          .then(
            () => {
              if (current?.revision === revision) current = next;
            },
            () => undefined,
          )
          .finally(() => (refreshing = false));
      }
      return current.value;
    },
  };
}
export type RevisionCache<T> = ReturnType<typeof createRevisionCache<T>>;
