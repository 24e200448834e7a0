import type { Repositories } from "../repositories";

/** What a command over stored records works with: the repositories and the api's clock (feature contexts add their services). */
export interface CommandContext {
  repos: Repositories;
  now: () => Date;
}
