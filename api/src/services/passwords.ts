import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with its default cost: 19 MiB, 2 passes.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the email is unknown, so timing does not reveal which emails exist. */
let dummy: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummy ??= hash("not-a-real-password-0000"));
