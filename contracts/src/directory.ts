import { z } from "zod";
import { LocalizedTextSchema, TAXONOMY } from "./taxonomy";
import { isUnspacedText, normalizeSearchText } from "./text";
import type { CompanyProfile } from "./company";
import { CompanyProfileSchema } from "./company";

const LABELS = new Map(TAXONOMY.terms.map((t) => [t.code, Object.values(t.labels)]));

/**
 * One phrase of a search key: normalised, and for Chinese, Japanese and Korean text also with the
 * spaces between its CJK words closed up, so "금형제작" typed without a space finds "금형 제작". Done
 * per phrase, so two labels side by side never run together into a word neither has.
 */
function keyPhrase(text: string): string {
  const plain = normalizeSearchText(text);
  const words = plain.split(" ");
  const closed = words.reduce(
    (out, word, i) => (i === 0 ? word : isUnspacedText(words[i - 1]!) && isUnspacedText(word) ? out + word : `${out} ${word}`),
    "",
  );
  return closed === plain ? plain : `${plain} ${closed}`;
}

/**
 * The normalised text a company is found by: its names, district and products, and the labels in
 * all five languages of what it is and does: its sectors, processes, the materials it works,
 * its certifications and the technology it offers ("dap", "プレス", "프레스" and "沖壓" all find a
 * stamping shop). Not its needs or a buyer's requirements: a search for presses is for firms that
 * have or make presses, not for those looking for one. No diacritics, lower case.
 */
export function companySearchKey(
  p: Pick<CompanyProfile, "legalName" | "englishName" | "district" | "products" | "sectors" | "processes" | "certifications" | "offers">,
): string {
  const codes = new Set([
    ...p.sectors,
    ...p.processes.flatMap((x) => [x.code, ...x.materials]),
    ...p.certifications.map((x) => x.code),
    ...p.offers.map((x) => x.code),
  ]);
  const labels = [...new Set([...codes].flatMap((code) => LABELS.get(code) ?? []))];
  // `?? {}`: a product stored before names were required may have none.
  const products = p.products.flatMap((x) => Object.values(x.name ?? {}));
  return [...[p.legalName, p.englishName, p.district, ...products].filter((x): x is string => Boolean(x)).map(keyPhrase), ...labels.map(labelPhrase)]
    .filter(Boolean)
    .join(" ");
}

/**
 * A taxonomy label's phrase, worked out once per process: every firm's key holds the labels of its
 * codes in five languages, and normalising them again for each of 5,000 firms took most of the
 * directory's load (1.3 s of it on the development machine).
 */
const LABEL_PHRASES = new Map<string, string>();
function labelPhrase(label: string): string {
  let phrase = LABEL_PHRASES.get(label);
  if (phrase === undefined) LABEL_PHRASES.set(label, (phrase = keyPhrase(label)));
  return phrase;
}

const codeFilter = z.string().regex(/^[a-z]+(\.[a-z0-9]+)+$/);
/** GET /api/companies: filters, free text (diacritics ignored), paging and order. */
export const DirectoryQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(["domestic", "foreign"]).optional(),
  sector: codeFilter.optional(),
  process: codeFilter.optional(),
  certification: codeFilter.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/)
    .optional(),
  participation: z.enum(["onsite", "remote"]).optional(),
  /** Organisers: "pending" lists the self-registered firms awaiting approval (others only ever see approved ones). */
  status: z.enum(["pending", "approved"]).optional(),
  sort: z.enum(["name", "country"]).default("name"),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

/** What anyone may see of a listed, approved company. */
export const CompanyCardSchema = z.object({
  id: z.string(),
  kind: z.enum(["domestic", "foreign"]),
  legalName: z.string(),
  englishName: z.string().optional(),
  country: z.string(),
  district: z.string().optional(),
  participation: z.enum(["onsite", "remote"]),
  timeZone: z.string(),
  sectors: z.array(z.string()),
  processes: z.array(z.string()),
  certifications: z.array(z.string()),
  offers: z.array(z.string()),
  needs: z.array(z.string()),
  languages: z.array(z.string()),
  employees: z.number().optional(),
  description: LocalizedTextSchema.optional(),
  booth: z
    .object({ headline: LocalizedTextSchema.optional(), highlights: z.array(LocalizedTextSchema), staffLanguages: z.array(z.string()) })
    .optional(),
  /** Awaiting an organiser's approval (only organisers are shown such firms). */
  pending: z.literal(true).optional(),
});
export type CompanyCard = z.infer<typeof CompanyCardSchema>;

export const DirectoryPageSchema = z.object({
  data: z.array(CompanyCardSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type DirectoryPage = z.infer<typeof DirectoryPageSchema>;

/** The whole profile, for the company's own members and organisers. */
export const CompanyPrivateViewSchema = CompanyProfileSchema.omit({ searchKey: true }).extend({
  id: z.string(),
  status: z.enum(["pending", "approved"]),
});

/** PATCH /api/companies/:id: the fields a firm keeps up to date (any subset). */
export const CompanyProfileUpdateSchema = CompanyProfileSchema.pick({
  legalName: true,
  englishName: true,
  district: true,
  timeZone: true,
  participation: true,
  sectors: true,
  processes: true,
  certifications: true,
  products: true,
  needs: true,
  offers: true,
  requirements: true,
  languages: true,
  employees: true,
  exportMarkets: true,
  description: true,
  website: true,
  booth: true,
  listed: true,
}).partial();
export type CompanyProfileUpdate = z.infer<typeof CompanyProfileUpdateSchema>;
