import type { InvitationAccept, InvitationRequest, UserRole } from "@ketnoi/contracts";
import { AppError, notFound } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import type { InvitationRecord } from "../../repositories/invitationRepository";
import { enqueueMail } from "../../services/mail";
import { invitationPolicy } from "../../policies/invitation";
import { hashPassword } from "../../services/passwords";
import { hashToken, randomToken } from "../../services/secrets";
import type { AccountContext } from "../auth/context";
import { signIn } from "../auth/signIn";

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

/**
 * Organisers invite a firm's first member (as its owner) to a company already in the fair; a firm's
 * owner invites colleagues to its own company, once the firm is approved and the owner's address
 * confirmed (see the invitation policy). The link is mailed through the outbox. The inviter is not
 * told whether the address already has an account: that address gets a note instead of a link (an
 * account belongs to one firm), and the answer is the same.
 */
export async function inviteUser(ctx: AccountContext, inviter: UserRecord, request: InvitationRequest) {
  const { repos, publicOrigin } = ctx;
  const now = ctx.now();
  let invitation: InvitationRecord;
  if (request.kind === "firm") {
    if (!invitationPolicy.canInviteFirms(inviter)) throw new AppError("forbidden");
    const company = await repos.companies.findById(request.companyId);
    if (!company) throw notFound();
    if ((company.kind === "domestic") !== (request.role === "domestic")) throw new AppError("validation_failed", { role: "roleDoesNotFitCompany" });
    invitation = {
      email: request.email,
      role: request.role,
      companyId: company.id,
      companyRole: "owner",
      invitedBy: inviter.id,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    };
  } else {
    const company = inviter.companyId ? await repos.companies.findById(inviter.companyId) : null;
    const refusal = invitationPolicy.colleagueRefusal(inviter, company);
    if (refusal) throw new AppError("forbidden", Object.keys(refusal).length ? refusal : undefined);
    invitation = {
      email: request.email,
      role: inviter.role as "domestic" | "vendor",
      companyId: company!.id,
      companyRole: "member",
      invitedBy: inviter.id,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    };
  }
  const existing = await repos.users.findByEmail(request.email);
  if (existing) {
    await enqueueMail(repos.outbox, {
      to: existing.email,
      template: "invitation_existing_account",
      locale: existing.locale,
      link: `${publicOrigin}/signin`,
      publicOrigin,
    });
    return;
  }
  const token = randomToken();
  await repos.invitations.create(hashToken(token), invitation);
  await enqueueMail(repos.outbox, {
    to: request.email,
    template: "invitation",
    locale: request.locale,
    link: `${publicOrigin}/accept-invitation?token=${token}`,
    publicOrigin,
  });
}

/**
 * Creates the invited account, the email proven by the link, and signs it in (ending the session the
 * browser had). Single use: a failure puts the invitation back.
 */
export async function acceptInvitation(ctx: AccountContext, body: InvitationAccept, replacing: string | undefined) {
  return signIn(ctx, await createInvitedAccount(ctx, body), replacing);
}

async function createInvitedAccount(ctx: AccountContext, body: InvitationAccept): Promise<UserRecord> {
  const { repos } = ctx;
  const now = ctx.now();
  const tokenHash = hashToken(body.token);
  const invitation = await repos.invitations.consume(tokenHash, now);
  if (!invitation) throw notFound();
  try {
    const user = await repos.users.create({
      email: invitation.email,
      passwordHash: await hashPassword(body.password),
      name: body.name,
      role: invitation.role as UserRole,
      companyId: invitation.companyId,
      companyRole: invitation.companyRole,
      locale: body.locale,
      timeZone: body.timeZone,
      consents: Object.entries(body.consents)
        .filter(([, on]) => on)
        .map(([purpose]) => ({ purpose, grantedAt: now })),
    });
    await repos.users.markEmailVerified(user.id, now);
    return { ...user, emailVerifiedAt: now };
  } catch (err) {
    await repos.invitations.restore(tokenHash, invitation);
    if ((err as { code?: number }).code === 11000) throw new AppError("conflict", { email: "emailTaken" });
    throw err;
  }
}
