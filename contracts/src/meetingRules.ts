/** Who holds an open meeting request, by company id: the api's turn check and the client's inbox use this one rule. */
export interface RequestSides {
  requesterId: string;
  recipientId: string;
  /** Who made the latest proposal (the request itself, or a counter-proposal); absent: the requester. */
  proposalBy?: string;
}

/** The side whose turn it is to answer an open meeting: the one that did not make the latest proposal. */
export function answeringSide(m: RequestSides): string {
  const lastBy = m.proposalBy ?? m.requesterId;
  return lastBy === m.requesterId ? m.recipientId : m.requesterId;
}
