// Fails when any secret of this run appears in a log of this run. The secrets come in the
// environment (KETNOI_SECRETS, newline-separated), the log files as arguments.
import { readFileSync, existsSync } from "node:fs";

const secrets = (process.env.KETNOI_SECRETS ?? "").split("\n").filter((s) => s.length >= 8);
const files = process.argv.slice(2).filter((f) => existsSync(f));
const found = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  for (const [i, secret] of secrets.entries()) if (text.includes(secret)) found.push(`${file}: secret #${i + 1}`);
}
if (found.length) {
  console.error(`secrets found in logs:\n  ${found.join("\n  ")}`);
  process.exit(1);
}
console.log(`no secret in ${files.length} log files (${secrets.length} secrets checked)`);
