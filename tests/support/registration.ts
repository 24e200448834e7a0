import request from "supertest";
import type { SessionView } from "@ketnoi/contracts";
import type { Repositories } from "../../api/src/repositories";

type App = NonNullable<Parameters<typeof request.agent>[0]>;

/** The link token in a mail's text. */
export const linkToken = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

/**
 * Registers a firm as its owner does: the registration (always 202), the link in the mail it sends,
 * and the confirmation that creates the firm and signs in. Returns the signed-in agent.
 */
export async function registerFirm(app: App, repos: Repositories, body: { email: string } & Record<string, unknown>) {
  await request(app).post("/api/auth/register").send(body).expect(202);
  const [mail] = await repos.outbox.listTo(body.email.toLowerCase());
  if (mail?.template !== "confirm_registration") throw new Error(`no registration link was mailed to ${body.email} (last: ${mail?.template})`);
  const agent = request.agent(app);
  const res = await agent.post("/api/auth/register/confirm").send({ token: linkToken(mail.text) });
  if (res.status !== 201) throw new Error(`confirming ${body.email}: ${res.status} ${JSON.stringify(res.body)}`);
  const session = res.body as SessionView;
  return { agent, session, csrf: { "X-CSRF-Token": session.csrfToken }, res };
}
