import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import QRCode from "qrcode";
import { useCheckInLink } from "../lib/queries/meetings";

const SIZE = 220;

/** The QR code of a check-in address, as an SVG data URL (the CSP allows data: images). */
export async function qrImage(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * A meeting's check-in QR code, drawn on the device from the address the api gives (kept with the
 * venue's data), so it shows at the table with no network once the meeting was read online.
 */
export function CheckInQr({ meetingId, alt }: { meetingId: string; alt: string }) {
  const { t } = useTranslation();
  const link = useCheckInLink(meetingId);
  const url = link.data?.url;
  const [image, setImage] = useState<{ url: string; src: string } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    void qrImage(url).then((src) => live && setImage({ url, src }));
    return () => {
      live = false;
    };
  }, [url]);
  if (image && image.url === url) return <img src={image.src} alt={alt} width={SIZE} height={SIZE} className="qr-code" />;
  if (!url && (link.isPaused || link.isError)) return <p className="notice">{t("offline.qrNotSaved")}</p>;
  // Drawing takes a moment: the space is kept, so the page does not jump.
  return <div className="qr-code qr-pending" style={{ width: SIZE, height: SIZE }} aria-hidden="true" />;
}
