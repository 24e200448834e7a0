import { Types } from "mongoose";
import type { Models } from "../db/models";

export interface InvitationRecord {
  email: string;
  role: "domestic" | "vendor";
  companyId: string;
  companyRole: "owner" | "member";
  invitedBy: string;
  expiresAt: Date;
}

export interface InvitationRepository {
  create(tokenHash: string, invitation: InvitationRecord): Promise<void>;
  /** Takes the invitation (single use) if it exists and has not expired. */
  consume(tokenHash: string, now: Date): Promise<InvitationRecord | null>;
  /** Puts a consumed invitation back (acceptance failed after taking it). */
  restore(tokenHash: string, invitation: InvitationRecord): Promise<void>;
}

export function createInvitationRepository({ Invitation }: Models): InvitationRepository {
  const toDoc = (tokenHash: string, i: InvitationRecord) => ({
    _id: tokenHash,
    ...i,
    companyId: new Types.ObjectId(i.companyId),
    invitedBy: new Types.ObjectId(i.invitedBy),
  });
  return {
    async create(tokenHash, invitation) {
      await Invitation.create(toDoc(tokenHash, invitation));
    },
    async consume(tokenHash, now) {
      const doc = await Invitation.findOneAndDelete({ _id: tokenHash }).lean<{
        email: string;
        role: "domestic" | "vendor";
        companyId: Types.ObjectId;
        companyRole: "owner" | "member";
        invitedBy: Types.ObjectId;
        expiresAt: Date;
      }>();
      if (!doc || doc.expiresAt <= now) return null;
      return {
        email: doc.email,
        role: doc.role,
        companyId: doc.companyId.toHexString(),
        companyRole: doc.companyRole,
        invitedBy: doc.invitedBy.toHexString(),
        expiresAt: doc.expiresAt,
      };
    },
    async restore(tokenHash, invitation) {
      await Invitation.create(toDoc(tokenHash, invitation));
    },
  };
}
