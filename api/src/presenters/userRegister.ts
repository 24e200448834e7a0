import { z } from "zod";
import { stringifyForSpreadsheet } from "../domain/csvCells";
import type { UserRecord } from "../repositories/userRepository";

/** The register of consent: who consented to what and when. */
export const ConsentRegisterSchema = z.object({
  data: z.array(
    z.object({ email: z.string(), name: z.string(), role: z.string(), consents: z.array(z.object({ purpose: z.string(), grantedAt: z.string() })) }),
  ),
});

/** All users as a spreadsheet (BOM and header; cells safe from formula injection). */
export function presentUsersCsv(users: UserRecord[]): string {
  return stringifyForSpreadsheet(
    users.map((u) => ({
      email: u.email,
      name: u.name,
      role: u.role,
      company_id: u.companyId ?? "",
      company_role: u.companyRole ?? "",
      locale: u.locale,
      time_zone: u.timeZone,
      email_verified: u.emailVerifiedAt ? u.emailVerifiedAt.toISOString() : "",
      consents: u.consents.map((c) => `${c.purpose}@${c.grantedAt.toISOString()}`).join(";"),
    })),
    { header: true, bom: true },
  );
}

export function presentConsentRegister(users: UserRecord[]): z.infer<typeof ConsentRegisterSchema> {
  return {
    data: users.map((u) => ({
      email: u.email,
      name: u.name,
      role: u.role,
      consents: u.consents.map((c) => ({ purpose: c.purpose, grantedAt: c.grantedAt.toISOString() })),
    })),
  };
}
