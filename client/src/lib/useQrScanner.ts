import { useCallback, useEffect, useRef, useState } from "react";

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };

/** Reads QR codes from the camera: the browser's BarcodeDetector where there is one, else jsQR. */
export function useScanner(onText: (text: string) => void) {
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const stop = useCallback(() => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    setOn(false);
  }, []);
  const start = useCallback(async () => {
    setFailure(null);
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      setOn(true);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    if (!on || !video.current || !stream.current) return;
    const el = video.current;
    el.srcObject = stream.current;
    void el.play().catch(() => undefined);
    let stopped = false;
    let last = "";
    const canvas = document.createElement("canvas");
    const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
    const Native = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
    const native = Native ? new Native({ formats: ["qr_code"] }) : null;
    const jsqr = import("jsqr").then((m) => m.default);
    const tick = async () => {
      if (stopped) return;
      if (el.readyState >= 2 && el.videoWidth) {
        canvas.width = el.videoWidth;
        canvas.height = el.videoHeight;
        ctx.drawImage(el, 0, 0);
        let text: string | null = null;
        try {
          if (native) text = (await native.detect(canvas))[0]?.rawValue ?? null;
        } catch {
          text = null;
        }
        if (!text) {
          const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
          text = (await jsqr)(image.data, image.width, image.height)?.data ?? null;
        }
        if (text && text !== last) {
          last = text;
          onText(text);
        }
      }
      setTimeout(() => void tick(), 250);
    };
    void tick();
    return () => {
      stopped = true;
    };
  }, [on, onText]);
  useEffect(() => stop, [stop]);
  return { video, on, start, stop, failure };
}
