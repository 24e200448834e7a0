import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

// The platform's colours (src/styles.css: --accent, --bg).
const ACCENT = "#b91c1c";
const BACKGROUND = "#fafaf9";

/**
 * The installable app: a manifest and a service worker (Workbox) that precaches the app shell, so
 * the app starts with no network; api data offline is TanStack Query's persisted cache, never the
 * service worker's. A new version waits until the person chooses to reload (components/UpdatePrompt.tsx).
 */
const pwa = VitePWA({
  registerType: "prompt",
  injectRegister: false, // registered by UpdatePrompt (no inline script: the CSP allows none)
  includeManifestIcons: false, // the precache's glob has them already
  manifest: {
    id: "/",
    name: "Ketnoi",
    short_name: "Ketnoi",
    description: "Ketnoi: kết nối giao thương B2B trực tiếp và trực tuyến",
    lang: "vi",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: ACCENT,
    background_color: BACKGROUND,
    // Made by scripts/make-icons.mjs from the favicon's drawing.
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  },
  workbox: {
    // The shell: HTML, every route's chunk, the other languages' catalogues (JS chunks), CSS, icons, fonts
    // (the plugin adds the manifest itself). Every route then starts offline, the video ones included.
    globPatterns: ["**/*.{html,js,css,svg,png,woff2}"],
    navigateFallback: "/index.html",
    // Pages of the SPA get index.html; the api, sockets and video are never answered by the worker.
    // The public firm pages, the sitemap and robots.txt are the api's HTML: never the app shell.
    navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/socket\.io(\/|$)/, /^\/livekit/, /^\/cnht\//, /^\/sitemap\.xml$/, /^\/robots\.txt$/],
    cleanupOutdatedCaches: true,
  },
});

// `npm run dev -w @ketnoi/client` proxies to a running api and realtime (infra/up.sh ports).
export default defineConfig({
  plugins: [react(), pwa],
  // The app's one TanStack Query: the persist client would otherwise bring the root's newer copy (another React context).
  resolve: { dedupe: ["@tanstack/react-query", "@tanstack/query-core"] },
  build: { outDir: "dist", sourcemap: true, target: "es2022" },
  server: {
    port: 5173,
    proxy: {
      "/api": "http://127.0.0.1:3001",
      "/cnht": "http://127.0.0.1:3001",
      "/socket.io": { target: "http://127.0.0.1:3002", ws: true },
    },
  },
});
