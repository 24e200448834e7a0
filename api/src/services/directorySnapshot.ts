import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { CompanyRecord } from "../repositories/companyRepository";

/**
 * The directory's firms as a file on this host, so a restarted api answers its first search from it
 * instead of reading every firm again (seconds at 5,000 firms on FerretDB). Written after each load,
 * read at start-up only when it was written at the revision the database has now (`key`: the
 * database's own id and its "companies" revision), so it is never older than the database. v8's
 * serializer keeps dates as dates. Without a folder (tests, benches) nothing is kept.
 */
export function createDirectorySnapshot(folder: string | undefined, databaseName: string) {
  const file = folder ? path.join(folder, `directory-${databaseName.replace(/[^\w.-]/g, "_")}.bin`) : undefined;
  return {
    async read(key: string): Promise<CompanyRecord[] | null> {
      if (!file) return null;
      try {
        const kept = deserialize(await readFile(file)) as { key: string; companies: CompanyRecord[] };
        return kept.key === key ? kept.companies : null;
      } catch {
        return null; // none yet, or unreadable: the database answers
      }
    },
    async write(key: string, companies: CompanyRecord[]): Promise<void> {
      if (!file) return;
      // Written aside and renamed: another process on this host never reads half a file.
      const aside = `${file}.${process.pid}`;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(aside, serialize({ key, companies }));
      await rename(aside, file);
    },
  };
}
export type DirectorySnapshot = ReturnType<typeof createDirectorySnapshot>;
