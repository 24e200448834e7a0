import { z } from "zod";
import { LocalizedTextSchema } from "./taxonomy";
import { TimeZoneSchema, WebAddressSchema } from "./profileFields";

const code = z.string().regex(/^[a-z]+(\.[a-z0-9]+)+$/, "taxonomy code");
const codes = z.array(code).max(50);
const country = z.string().regex(/^[A-Z]{2}$/);
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);

export const ProcessCapabilitySchema = z.strictObject({
  code,
  materials: codes.default([]),
  toleranceMm: z.number().positive().max(100).optional(),
  maxPartSizeMm: z.number().positive().max(100_000).optional(),
  monthlyCapacity: z.number().int().positive().max(100_000_000).optional(),
});

export const CertificationSchema = z.strictObject({ code, validUntil: z.coerce.date().optional() });
/** A product is shown by its name: at least one language of it (the message is a key the api translates). */
export const ProductSchema = z.strictObject({
  name: LocalizedTextSchema.refine((name) => Object.keys(name).length > 0, "nameRequired"),
  keyIndustrialProductYear: z.number().int().min(2000).max(2100).optional(),
});
export const NeedSchema = z.strictObject({
  kind: z.enum(["technology", "buyer", "transfer"]),
  codes: codes.min(1),
  priority: z.number().int().min(1).max(3).default(2),
  text: LocalizedTextSchema.optional(),
});
export const OfferSchema = z.strictObject({ code, text: LocalizedTextSchema.optional() });
export const RequirementSchema = z.strictObject({
  processes: codes.default([]),
  materials: codes.default([]),
  certifications: codes.default([]),
  minMonthlyCapacity: z.number().int().positive().optional(),
  mandatory: z.boolean().default(false),
  text: LocalizedTextSchema.optional(),
});

/** A company's profile as stored and matched: structured codes carry it, free text helps. */
export const CompanyProfileSchema = z.strictObject({
  kind: z.enum(["domestic", "foreign"]),
  registrationKey: z.string().min(3).max(200),
  legalName: z.string().trim().min(2).max(200),
  englishName: z.string().trim().min(2).max(200).optional(),
  taxCode: z.string().optional(),
  country,
  district: z.string().max(80).optional(),
  city: z.string().max(80).optional(),
  timeZone: TimeZoneSchema,
  participation: z.enum(["onsite", "remote"]),
  sectors: codes,
  processes: z.array(ProcessCapabilitySchema).max(50),
  certifications: z.array(CertificationSchema).max(50),
  products: z.array(ProductSchema).max(50),
  needs: z.array(NeedSchema).max(30),
  offers: z.array(OfferSchema).max(50),
  requirements: z.array(RequirementSchema).max(20),
  languages: z.array(language).max(10),
  employees: z.number().int().positive().optional(),
  exportMarkets: z.array(country).max(50),
  description: LocalizedTextSchema.optional(),
  website: WebAddressSchema.optional(),
  /** A foreign vendor's virtual booth: what visitors see first (video and chat come with the booth itself). */
  booth: z
    .strictObject({
      headline: LocalizedTextSchema.optional(),
      highlights: z.array(LocalizedTextSchema).max(6).default([]),
      staffLanguages: z.array(language).max(6).default([]),
    })
    .optional(),
  listed: z.boolean(),
  searchKey: z.string(),
});
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;

/**
 * A time of day on a five-minute mark, as slot lengths are five-minute multiples: a firm's meetings
 * hold their time in five-minute blocks (so events with different slot lengths cannot overlap them),
 * which fit slots only when every slot starts and ends on such a mark.
 */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5][05]$/);
/** A fair's set-up as the organiser defines it (local dates and times in the fair's zone). */
/**
 * The kinds of event the city's programme runs: the yearly hybrid fair; an online-only matchmaking
 * week; a delegation visit (foreign makers meet Hanoi firms onsite over a day or two); an outbound
 * mission (Hanoi firms travel to meet makers abroad, in the host country's time zone).
 */
export const EVENT_KINDS = ["hybrid", "online", "delegation", "mission"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const FairSetupSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]{3,64}$/),
  /** Absent on events set up before kinds: a hybrid fair. */
  kind: z.enum(EVENT_KINDS).optional(),
  /** Whether a firm's registration waits for an organiser (absent: it does). */
  requiresApproval: z.boolean().optional(),
  name: LocalizedTextSchema,
  venue: LocalizedTextSchema,
  timeZone: z.string(),
  days: z.array(z.iso.date()).min(1).max(7),
  slotMinutes: z.number().int().min(10).max(120).multipleOf(5),
  dailyHours: z.strictObject({ start: timeOfDay, end: timeOfDay }),
  breaks: z.array(z.strictObject({ start: timeOfDay, end: timeOfDay, label: LocalizedTextSchema.optional() })),
  onsiteTables: z.number().int().min(0).max(2000),
  tableZones: z.array(z.strictObject({ from: z.number().int().min(1), to: z.number().int().min(1), sector: code })),
  onlineRoomsPerSlot: z.number().int().min(0).max(2000),
  countryPriorities: z.record(country, z.number().min(0).max(3)),
});
export type FairSetup = z.infer<typeof FairSetupSchema>;

/** A member of a company's team, as its colleagues and organisers see it (GET /api/companies/:id/members). */
export const CompanyMemberSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), companyRole: z.enum(["owner", "member"]) });
export type CompanyMember = z.infer<typeof CompanyMemberSchema>;
