import type { UserRecord } from "../repositories/userRepository";
import type { CompanyRecord } from "../repositories/companyRepository";

/**
 * Who collects leads: a firm's staff, domestic or vendor alike (every firm at the fair has a booth,
 * and Hanoi's manufacturers exhibit too), once the organisers have approved the firm. Organisers and
 * interpreters neither scan nor read firms' leads: a visitor's consent at a booth is to that firm,
 * not to the fair. Undefined when the user may; otherwise the field message that says why not.
 */
export function leadCollectorRefusal(user: UserRecord, company: Pick<CompanyRecord, "id" | "status"> | null): Record<string, string> | undefined {
  if (user.role !== "domestic" && user.role !== "vendor") return {};
  if (!company || user.companyId !== company.id) return {};
  if (company.status !== "approved") return { company: "notApproved" };
  return undefined;
}
