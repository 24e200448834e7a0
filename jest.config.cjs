/** One Jest run for every workspace: unit, integration (*.int.test.ts) and end-to-end (*.e2e.test.ts). */
const swc = [
  "@swc/jest",
  {
    jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2022", transform: { react: { runtime: "automatic" } } },
    module: { type: "commonjs" },
  },
];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/contracts", "<rootDir>/api", "<rootDir>/realtime", "<rootDir>/client", "<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  // Several dependencies ship ESM only for some entry points; let swc compile them too.
  transformIgnorePatterns: ["/node_modules/(?!(@ketnoi|jose)/)"],
  testTimeout: 60_000,
  maxWorkers: 2,
};
