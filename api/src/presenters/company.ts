import type { CompanyCard, CompanyMember } from "@ketnoi/contracts";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { UserRecord } from "../repositories/userRepository";

/** Cards of the records as they stand: the directory's copy shares each record until it changes, so a page is drawn once. */
const cards = new WeakMap<CompanyRecord, CompanyCard>();

export function presentCompanyCard(c: CompanyRecord): CompanyCard {
  let card = cards.get(c);
  if (!card) cards.set(c, (card = drawCard(c)));
  return card;
}

function drawCard(c: CompanyRecord): CompanyCard {
  return {
    id: c.id,
    kind: c.kind,
    legalName: c.legalName,
    ...(c.englishName ? { englishName: c.englishName } : {}),
    country: c.country,
    ...(c.district ? { district: c.district } : {}),
    participation: c.participation,
    timeZone: c.timeZone,
    sectors: c.sectors,
    processes: c.processes.map((p) => p.code),
    certifications: c.certifications.map((x) => x.code),
    offers: c.offers.map((o) => o.code),
    needs: [...new Set(c.needs.flatMap((n) => n.codes))],
    languages: c.languages,
    ...(c.employees ? { employees: c.employees } : {}),
    ...(c.description ? { description: c.description } : {}),
    ...(c.booth
      ? {
          booth: {
            ...(c.booth.headline ? { headline: c.booth.headline } : {}),
            highlights: c.booth.highlights ?? [],
            staffLanguages: c.booth.staffLanguages ?? [],
          },
        }
      : {}),
    ...(c.status === "pending" ? { pending: true as const } : {}),
  };
}

/**
 * Everything but storage internals, for members and organisers. The slots a firm blocked are not
 * part of the profile: they are read and set through its availability (GET/PUT .../availability).
 */
export function presentCompanyPrivate(c: CompanyRecord) {
  const {
    searchKey: _searchKey,
    sortName: _sortName,
    fairId: _fairId,
    createdAt: _c,
    updatedAt: _u,
    blockedSlots: _blocked,
    ...rest
  } = c as CompanyRecord & { createdAt?: Date; updatedAt?: Date };
  // A product stored before names were required may have none: it is shown with an empty one.
  return { ...rest, products: c.products.map((p) => ({ ...p, name: p.name ?? {} })), status: c.status ?? "approved" };
}

/** One member of a company's team, as its members and organisers see it. */
export function presentCompanyMember(u: UserRecord): CompanyMember {
  return { id: u.id, name: u.name, email: u.email, companyRole: u.companyRole ?? "member" };
}
