import { connectDatabase } from "../db/connection";
import { ScriptEnvSchema } from "../config/env";
import { createRepositories } from "../repositories";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoFair } from "./seedDemoFair";
import { seedDemoMeetings } from "./seedDemoMeetings";
import { ALUMNI_LOGIN, DELEGATION_DESK_LOGIN, seedDemoProgramme } from "./seedDemoProgramme";
import { migrateSlotIdentity } from "../commands/meetings/migrateSlotIdentity";
import { migrateParticipations } from "../commands/fairs/migrateParticipations";

// The seed needs the database, and the Redis the api keeps its revisions in when it has one (so the
// running api's caches see what the seed wrote).
const env = ScriptEnvSchema.safeParse(process.env);
if (!env.success) {
  console.error(
    `ketnoi seed: ${env.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")} (MONGODB_URI must be a mongodb:// URI, REDIS_URL if set a redis:// one)`,
  );
  process.exit(78);
}

const db = await connectDatabase(env.data.MONGODB_URI, { revisionsRedisUrl: env.data.REDIS_URL });
try {
  const repos = createRepositories(db.models);
  await migrateSlotIdentity(repos); // a database from before: its blocks become starts before the demo fair may move
  await migrateParticipations(repos); // and its firms become registrations for the fair they belonged to
  const today = new Date();
  const report = await seedDemoFair(repos, today);
  const meetings = await seedDemoMeetings(repos, () => today);
  const programme = await seedDemoProgramme(repos, (await repos.fairs.findBySlug(report.fair))!);
  if (report.redated) {
    console.log(
      `The demo fair of ${report.redated.from.join(", ")} was over: it now takes place on ${report.days.join(", ")}, with ${report.redated.meetings} of its meetings.`,
    );
  }
  console.log(
    `Seeded demo fair "${report.fair}" on ${report.days.join(" and ")}: ${report.companies} companies, ${report.interpreters} interpreters, ` +
      `${report.sessions} fair sessions, ${report.usersCreated} new demo users, ${meetings} new demo meetings.`,
  );
  console.log(`The programme around it: ${programme.events.join(", ")} (${programme.meetings} meetings of last year's fair seeded).`);
  console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(12)} ${login.email}`);
  console.log(`  ${"alumni".padEnd(12)} ${ALUMNI_LOGIN.email} (a Hanoi firm from last year's fair, not registered this year)`);
  console.log(`  ${"organiser".padEnd(12)} ${DELEGATION_DESK_LOGIN.email} (a partner agency's desk: organises the delegation visit only)`);
} finally {
  await db.close();
}
