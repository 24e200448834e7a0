import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e5273de30000000049454e44ae426082",
  "hex",
);
// A PDF whose bytes also read as a page: what a browser would run if told it is text/html.
const POLYGLOT = Buffer.from("%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n");

describe("attachments go out with the type their bytes show, never the one their name suggests", () => {
  const t = useSeededApp("attachmenttypes");
  let company = "";
  let upload: (kind: string, name: string, data: Buffer) => request.Test;
  beforeAll(async () => {
    const { agent, session, csrf } = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    company = session.user.companyId!;
    await t.db.models.Company.updateOne({ _id: company }, { $set: { listed: true } });
    upload = (kind, name, data) =>
      agent
        .post(`/api/companies/${company}/attachments?kind=${kind}&name=${encodeURIComponent(name)}`)
        .set({ ...csrf, "Content-Type": "application/octet-stream" })
        .send(data);
  });
  const download = (id: string) =>
    request(t.app)
      .get(`/api/attachments/${id}`)
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => cb(null, Buffer.concat(parts)));
      });

  test("a catalogue uploaded as x.html is a PDF download named .pdf, with nosniff", async () => {
    const file = (await upload("catalogue", "x.html", POLYGLOT).expect(201)).body;
    expect(file.contentType).toBe("application/pdf");
    const res = await download(file.id).expect(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?x\.html\.pdf"?$/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.compare(res.body as Buffer, POLYGLOT)).toBe(0);
  });

  test("a logo named logo.html shows inline as the image it is", async () => {
    const logo = (await upload("logo", "logo.html", PNG).expect(201)).body;
    const res = await download(logo.id).expect(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-disposition"]).toBe("inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  test("a stored record that claims text/html (a fair moved in from elsewhere) is still served by its bytes", async () => {
    const file = (await upload("catalogue", "brochure.pdf", POLYGLOT).expect(201)).body;
    await t.db.models.Attachment.updateOne({ _id: file.id }, { $set: { contentType: "text/html", name: "index.html" } });
    const res = await download(file.id).expect(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?index\.html\.pdf"?$/);
  });
});
