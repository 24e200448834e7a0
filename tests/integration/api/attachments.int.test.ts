import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";

// A 1x1 PNG, a small PDF, and things that are not what they claim.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e5273de30000000049454e44ae426082",
  "hex",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]);

describe("company attachments: logo and catalogues, checked by content", () => {
  const t = useSeededApp("attachments");

  test("members upload a logo and catalogues; anyone who may see the firm downloads them byte for byte", async () => {
    const { agent, session, csrf } = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const company = session.user.companyId!;
    await t.db.models.Company.updateOne({ _id: company }, { $set: { listed: true } });
    const upload = (kind: string, name: string, data: Buffer, lang = "en") =>
      agent
        .post(`/api/companies/${company}/attachments?kind=${kind}&name=${encodeURIComponent(name)}`)
        .set({ ...csrf, "Content-Type": "application/octet-stream", "Accept-Language": lang })
        .send(data);

    const logo = (await upload("logo", "logo.png", PNG).expect(201)).body;
    expect(logo).toMatchObject({ kind: "logo", contentType: "image/png", size: PNG.length });
    const pdf = (await upload("catalogue", "Catalogue 2026.pdf", PDF).expect(201)).body;

    const download = await request(t.app)
      .get(`/api/attachments/${pdf.id}`)
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toMatch(/attachment/);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers["x-content-type-options"]).toBe("nosniff");

    // A new logo replaces the old one.
    const second = (await upload("logo", "logo2.png", PNG).expect(201)).body;
    const list = (await request(t.app).get(`/api/companies/${company}/attachments`).expect(200)).body.data;
    expect(list.map((a: { id: string }) => a.id).sort()).toEqual([pdf.id, second.id].sort());
    await request(t.app).get(`/api/attachments/${logo.id}`).expect(404);
  });

  test("files are judged by their bytes: an executable named .pdf, a PDF as a logo, and oversize files are refused", async () => {
    const { agent, session, csrf } = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const company = session.user.companyId!;
    const upload = (kind: string, name: string, data: Buffer) =>
      agent
        .post(`/api/companies/${company}/attachments?kind=${kind}&name=${name}`)
        .set({ ...csrf, "Content-Type": "application/pdf", "Accept-Language": "en" })
        .send(data);
    const exe = await upload("catalogue", "brochure.pdf", EXE).expect(400);
    expect(exe.body.error.fields).toEqual({ file: "This kind of file is not accepted (logo: PNG, JPEG, WebP; catalogue: PDF)." });
    await upload("logo", "logo.png", PDF).expect(400);
    await upload("logo", "big.png", Buffer.concat([PNG, Buffer.alloc(1024 * 1024)])).expect(413);
    await upload("catalogue", "huge.pdf", Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)])).expect(413);
    await upload("catalogue", "../../etc/passwd", PDF).expect(400);
    expect(await t.db.models.Attachment.countDocuments({ companyId: company })).toBe(0);
    expect(await t.db.models.AttachmentChunk.countDocuments()).toBeGreaterThan(0); // the other test's files only
  });

  test("another firm cannot add to or delete a firm's files; an unlisted firm's files stay private", async () => {
    const { agent: vendor, csrf } = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const domesticUser = await t.db.models.User.findOne({ email: "domestic@ketnoi.demo" }).lean();
    const company = domesticUser!.companyId!.toHexString();
    await vendor
      .post(`/api/companies/${company}/attachments?kind=catalogue&name=x.pdf`)
      .set({ ...csrf, "Content-Type": "application/pdf" })
      .send(PDF)
      .expect(403);
    const [file] = (await request(t.app).get(`/api/companies/${company}/attachments`).expect(200)).body.data;
    await vendor.delete(`/api/attachments/${file.id}`).set(csrf).expect(403);
    await t.db.models.Company.updateOne({ _id: company }, { $set: { listed: false } });
    await request(t.app).get(`/api/attachments/${file.id}`).expect(404);
    await request(t.app).get(`/api/companies/${company}/attachments`).expect(404);
  });
});
