import type { Request, Response } from "express";
import { Passport } from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import { AppError } from "../errors";
import type { Repositories } from "../repositories";
import type { UserRecord } from "../repositories/userRepository";
import { authenticateUser } from "../commands/auth/authenticateUser";

/** Passport with the local (email + password) strategy; sessions are ours, not Passport's. */
export function createPassport(repos: Repositories, now: () => Date) {
  const passport = new Passport();
  passport.use(
    new LocalStrategy({ usernameField: "email", passwordField: "password", session: false }, (email, password, done) => {
      authenticateUser(repos, email, password, now()).then(
        (user) => done(null, user),
        (err: unknown) => done(err),
      );
    }),
  );
  return passport;
}
export type KetnoiPassport = ReturnType<typeof createPassport>;

/** Runs the local strategy on a validated login request. */
export function passwordLogin(passport: KetnoiPassport, req: Request, res: Response): Promise<UserRecord> {
  return new Promise((resolve, reject) => {
    passport.authenticate("local", { session: false }, (err: unknown, user: UserRecord | false) => {
      if (err) reject(err);
      else if (!user) reject(new AppError("invalid_credentials"));
      else resolve(user);
    })(req, res, reject);
  });
}
