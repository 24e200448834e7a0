/**
 * Search keys are stored normalised (the database has no collation or text index): lower case,
 * diacritics removed, đ folded to d, so "co khi" finds "Cơ khí Hà Nội".
 */
export function normalizeSearchText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Mn}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
