import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev -w @ketnoi/client` proxies to a running api and realtime (infra/up.sh ports).
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", sourcemap: true, target: "es2022" },
  server: {
    port: 5173,
    proxy: {
      "/api": "http://127.0.0.1:3001",
      "/socket.io": { target: "http://127.0.0.1:3002", ws: true },
    },
  },
});
