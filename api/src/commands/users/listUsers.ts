import type { UserRecord } from "../../repositories/userRepository";
import type { CommandContext } from "../context";

/** Every account, for the organisers' export and register of consent. */
export async function listUsers({ repos }: CommandContext): Promise<UserRecord[]> {
  return repos.users.listAll();
}
