import type { Models } from "../db/models";
import { createFairRepository } from "./fairRepository";
import { createCompanyRepository } from "./companyRepository";
import { createTaxonomyRepository } from "./taxonomyRepository";
import { createUserRepository } from "./userRepository";
import { createInterpreterRepository } from "./interpreterRepository";
import { createFairSessionRepository } from "./fairSessionRepository";

export function createRepositories(models: Models) {
  return {
    fairs: createFairRepository(models),
    companies: createCompanyRepository(models),
    taxonomy: createTaxonomyRepository(models),
    users: createUserRepository(models),
    interpreters: createInterpreterRepository(models),
    fairSessions: createFairSessionRepository(models),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
