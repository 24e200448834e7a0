import { useEffect, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import QRCode from "qrcode";
import type { BadgeLayout, SessionUser } from "@ketnoi/contracts";
import { RequireRole } from "../components/RequireRole";
import { Async, Failure } from "../components/States";
import { downloadFromApi } from "../lib/download";
import { useMyBadge } from "../lib/queries/me";
import { usePageTitle } from "../lib/usePageTitle";
import "./myBadge.css";

/** The badge's QR code drawn on the device (as the printed badge's: quartile error correction), sharp at any size. */
function BadgeQr({ url, alt }: { url: string; alt: string }) {
  const [image, setImage] = useState<{ url: string; src: string } | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(url, { type: "svg", margin: 4, errorCorrectionLevel: "Q" }).then(
      (svg) => live && setImage({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  if (image?.url !== url) return <div className="badge-qr pending" aria-hidden="true" />;
  return <img className="badge-qr" src={image.src} alt={alt} />;
}

/** My badge's PDF, to print at home: one A6 page, or on an A4 sheet to cut out. */
function PrintMyBadge() {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: (layout: BadgeLayout) => downloadFromApi(`/me/badge.pdf?layout=${layout}`, `badge-${layout}.pdf`) });
  return (
    <section className="panel" aria-labelledby="print-title">
      <h2 id="print-title">{t("myBadge.print")}</h2>
      <p className="muted">{t("myBadge.printHint")}</p>
      <div className="actions">
        <button type="button" disabled={download.isPending} onClick={() => download.mutate("a6")}>
          {t("myBadge.a6")}
        </button>
        <button type="button" className="secondary" disabled={download.isPending} onClick={() => download.mutate("a4")}>
          {t("myBadge.a4")}
        </button>
      </div>
      <Failure error={download.error} />
    </section>
  );
}

function MyBadgeBody({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <div className="my-badge">
      <h1>{t("myBadge.title")}</h1>
      <section className="panel badge-card" aria-labelledby="badge-name">
        <Async query={useMyBadge()} empty={null}>
          {(badge) => <BadgeQr url={badge.url} alt={t("myBadge.qrAlt", { name: user.name })} />}
        </Async>
        <p id="badge-name" className="badge-name">
          {user.name}
        </p>
        <p className="muted">{t(`common.role.${user.role}`)}</p>
        <p className="muted">{t("myBadge.hint")}</p>
      </section>
      <PrintMyBadge />
    </div>
  );
}

/** My badge on the phone: its QR code large, for exhibitors' scanners and the entrance, and its PDF to print. */
export default function MyBadge() {
  const { t } = useTranslation();
  usePageTitle(t("myBadge.title"));
  return <RequireRole roles={["domestic", "vendor", "interpreter", "organiser"]}>{(user) => <MyBadgeBody user={user} />}</RequireRole>;
}
