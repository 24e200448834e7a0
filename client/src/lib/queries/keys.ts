/**
 * Every query key of the client, in one place: a write invalidates the keys it changes, and a key's
 * prefix (`["meetings"]`) invalidates everything under it.
 */
export const keys = {
  /** Who is signed in (the user only, never the CSRF token): kept on the device so pages that need a role open offline. */
  session: ["session"] as const,
  fair: {
    all: ["fair"] as const,
    current: ["fair", "current"] as const,
    targets: ["fair", "current", "targets"] as const,
    setup: (slug: string) => ["fair", slug, "setup"] as const,
    /** A fair's public summary by its slug (an event's own page, whatever the events list holds). */
    bySlug: (slug: string) => ["fair", slug, "summary"] as const,
  },
  /** A year's programme targets and progress across its events (organisers). */
  programmeYear: (year: number) => ["programmeYear", year] as const,
  /** The programme's events and, per event, its registrations (organisers). */
  events: {
    all: ["events"] as const,
    registrations: (slug: string) => ["events", slug, "registrations"] as const,
    /** Every organiser and the events they organise (organisers of the whole programme). */
    organisers: ["events", "organisers"] as const,
  },
  meetings: {
    all: ["meetings"] as const,
    list: ["meetings", "list"] as const,
    one: (id: string) => ["meetings", "one", id] as const,
    /** The address an onsite meeting's QR code holds (its parties and organisers). */
    checkInLink: (id: string) => ["meetings", "checkInLink", id] as const,
    /** The slots my company and another both have free. */
    slots: (withCompany: string) => ["meetings", "slots", withCompany] as const,
    /** My firm's meetings and outcomes across every event (under "meetings": a meeting write reads it again). */
    history: ["meetings", "history"] as const,
  },
  companies: {
    all: ["companies"] as const,
    one: (id: string) => ["companies", "one", id] as const,
    members: (id: string) => ["companies", "one", id, "members"] as const,
    attachments: (id: string) => ["companies", "one", id, "attachments"] as const,
    /** A directory page: the query string is the key. */
    search: (query: string) => ["companies", "search", query] as const,
  },
  recommendations: ["recommendations"] as const,
  /** The public CNHT data: its statistics, and its dictionary in one language. */
  openData: {
    statistics: ["openData", "statistics"] as const,
    dictionary: (language: string) => ["openData", "dictionary", language] as const,
  },
  /** My firm's leads (the booth's badge scans). */
  leads: ["leads"] as const,
  interpreters: ["interpreters"] as const,
  me: {
    data: ["me", "data"] as const,
    notifications: ["me", "notifications"] as const,
    /** The firms whose staff scanned my badge. */
    badgeScans: ["me", "badgeScans"] as const,
    /** My badge: its opaque code and the address its QR code holds. */
    badge: ["me", "badge"] as const,
  },
  scheduler: {
    plans: ["scheduler", "plans"] as const,
    plan: (id: string) => ["scheduler", "plans", id] as const,
    moveOptions: (planId: string, meeting: string) => ["scheduler", "plans", planId, "moves", meeting] as const,
  },
  stuckMail: ["mail", "stuck"] as const,
};
