import type { OrganiserScope } from "@ketnoi/contracts";
import type { FairRecord } from "../repositories/fairRepository";
import type { UserRecord } from "../repositories/userRepository";

/** An organiser and their events by short name ("all" for the whole programme). */
export const presentOrganiserScope = ({ user, events }: { user: UserRecord; events: "all" | FairRecord[] }): OrganiserScope => ({
  id: user.id,
  name: user.name,
  email: user.email,
  events: events === "all" ? "all" : events.map((f) => f.slug),
});
