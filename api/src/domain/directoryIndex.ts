import { isUnspacedText, spokenLanguage } from "@ketnoi/contracts";

/** What the directory filters a company on (codes, not labels). */
export interface DirectoryFacets {
  id: string;
  kind: "domestic" | "foreign";
  country: string;
  participation: "onsite" | "remote";
  languages: string[];
  sectors: string[];
  processes: string[];
  certifications: string[];
}

/** What the directory needs to know of a company to find and filter it, and what a search hands back for it (`item`). */
export interface DirectoryEntry<T> {
  facets: DirectoryFacets;
  item: T;
  fairId: string;
  status: "pending" | "approved";
  listed: boolean;
  searchKey: string;
  sortName: string;
}

export interface DirectoryCounts {
  domestic: number;
  foreign: number;
  byCountry: Record<string, number>;
  bySector: Record<string, number>;
}

export interface DirectorySearch {
  fairId: string;
  /**
   * Normalised words: all must be words of the search key, the last may be a word's start; a
   * Chinese, Japanese or Korean word may be anywhere inside the key ("金型" in "金型製作").
   */
  words: string[];
  kind?: "domestic" | "foreign";
  sectors?: string[];
  processes?: string[];
  certifications?: string[];
  country?: string;
  language?: string;
  participation?: "onsite" | "remote";
  status?: "pending" | "approved";
  publicOnly: boolean;
  sort: "name" | "country";
  skip: number;
  limit: number;
}

interface Indexed<T> extends DirectoryEntry<T> {
  words: Set<string>;
  wordList: string[];
}

/** A firm is in the directory once per event it takes part in. */
const keyOf = (fairId: string, companyId: string) => `${fairId}:${companyId}`;
/** Queries whose matches a directory keeps (the oldest go first). */
const MAX_REMEMBERED_QUERIES = 500;
/** Every directory's every state gets a number of its own: an answer's key names the state it came from. */
let versions = 0;

/**
 * An in-memory directory: FerretDB's SQLite backend scans and decodes every document for any filter
 * but _id (about 2.5 s per query at 5,000 companies), so searches run here, in microseconds, over a
 * copy kept fresh by the directory service. Pure: no database, no Express.
 */
export class DirectoryIndex<T> {
  private entries = new Map<string, Indexed<T>>();
  private sorted: Indexed<T>[] | null = null;
  /** Each recent query's matches in order (pages of the same search, the same popular words): forgotten at any change. */
  private matches = new Map<string, Indexed<T>[]>();
  /** This state's number, new at any change (and unique across directories: a reload builds a new one). */
  private version = ++versions;

  constructor(entries: DirectoryEntry<T>[] = []) {
    for (const e of entries) this.put(e);
  }

  get size() {
    return this.entries.size;
  }

  put(entry: DirectoryEntry<T>) {
    const words = new Set(entry.searchKey.split(" ").filter(Boolean));
    // Words a typed word's start is looked for in: a CJK one is matched inside the key instead, so
    // words that start in those scripts (most labels in three of five languages) are left out here.
    const wordList = [...words].filter((w) => !isUnspacedText(w[0]!));
    this.entries.set(keyOf(entry.fairId, entry.facets.id), { ...entry, words, wordList });
    this.changed();
  }

  /** Takes a company out of every event's directory (before putting back the events it is in). */
  remove(id: string) {
    for (const [key, e] of this.entries) if (e.facets.id === id) this.entries.delete(key);
    this.changed();
  }

  private changed() {
    this.sorted = null;
    this.matches.clear();
    this.version = ++versions;
  }

  /** An event's firms by kind, country and sector (each firm once per sector it works in): every firm registered, whatever its status. */
  counts(fairId: string): DirectoryCounts {
    const counts: DirectoryCounts = { domestic: 0, foreign: 0, byCountry: {}, bySector: {} };
    for (const e of this.entries.values()) {
      if (e.fairId !== fairId) continue;
      counts[e.facets.kind]++;
      counts.byCountry[e.facets.country] = (counts.byCountry[e.facets.country] ?? 0) + 1;
      for (const s of new Set(e.facets.sectors)) counts.bySector[s] = (counts.bySector[s] ?? 0) + 1;
    }
    return counts;
  }

  private inOrder(): Indexed<T>[] {
    this.sorted ??= [...this.entries.values()].sort((a, b) =>
      a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.facets.id < b.facets.id ? -1 : 1,
    );
    return this.sorted;
  }

  /** A page of matches, and a key for the answer: the same key, the same items and total. */
  search(q: DirectorySearch): { items: T[]; total: number; answerKey: string } {
    const { skip, limit, ...what } = q;
    const key = JSON.stringify(what);
    let hits = this.matches.get(key);
    if (!hits) {
      hits = this.match(q);
      if (this.matches.size >= MAX_REMEMBERED_QUERIES) this.matches.delete(this.matches.keys().next().value!);
      this.matches.set(key, hits);
    }
    return { items: hits.slice(skip, skip + limit).map((e) => e.item), total: hits.length, answerKey: `${this.version}:${skip}:${limit}:${key}` };
  }

  private match(q: DirectorySearch): Indexed<T>[] {
    // CJK words are looked for inside the key (they hold no space, so cannot match across two words).
    const inside = q.words.filter(isUnspacedText);
    const typed = q.words[q.words.length - 1];
    const last = typed !== undefined && !isUnspacedText(typed) ? typed : undefined;
    const whole = q.words.filter((w, i) => !isUnspacedText(w) && i < q.words.length - 1);
    const anyOf = (have: string[], wanted?: string[]) => !wanted || have.some((h) => wanted.includes(h));
    const hits = this.inOrder().filter((e) => {
      const c = e.facets;
      if (e.fairId !== q.fairId) return false;
      if (q.publicOnly && !(e.listed && e.status === "approved")) return false;
      if (q.status && e.status !== q.status) return false;
      if (q.kind && c.kind !== q.kind) return false;
      if (q.country && c.country !== q.country) return false;
      if (q.participation && c.participation !== q.participation) return false;
      if (q.language && !c.languages.some((l) => spokenLanguage(l) === spokenLanguage(q.language!))) return false;
      if (!anyOf(c.sectors, q.sectors) || !anyOf(c.processes, q.processes) || !anyOf(c.certifications, q.certifications)) return false;
      if (!whole.every((w) => e.words.has(w))) return false;
      if (!inside.every((w) => e.searchKey.includes(w))) return false;
      return last === undefined || e.wordList.some((w) => w.startsWith(last));
    });
    if (q.sort === "country") hits.sort((a, b) => (a.facets.country < b.facets.country ? -1 : a.facets.country > b.facets.country ? 1 : 0));
    return hits;
  }
}
