/** What a firm's record says of the event it takes part in, and a registration for one event. */
interface TakesPart {
  id: string;
  fairId: string;
  status?: "pending" | "approved" | null;
  participation: "onsite" | "remote";
}
interface Registration {
  fairId: string;
  companyId: string;
  status: "pending" | "approved";
  participation: "onsite" | "remote";
}

/**
 * A firm as it takes part in one event: the firm itself (profile, members, certifications exist once)
 * with that event's approval and its way of taking part there (onsite at the fair, remote in an online
 * week). Its own event (company.fairId) is the firm as stored.
 */
export function asInEvent<C extends TakesPart>(company: C, registration: Registration): C {
  if (registration.companyId !== company.id) throw new Error("a registration of another firm");
  if (registration.fairId === company.fairId) return company;
  return { ...company, fairId: registration.fairId, status: registration.status, participation: registration.participation };
}
