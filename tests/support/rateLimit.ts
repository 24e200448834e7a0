/**
 * One rate limit's state as an answer reports it (IETF draft-8 headers, one entry per limit that
 * counted the request): `RateLimit: "login-address"; r=598; t=900` and
 * `RateLimit-Policy: "login-address"; q=600; w=900; pk=:<partition key hash>:`.
 */
export function rateLimitOf(res: { headers: Record<string, string | string[] | undefined> }, name: string) {
  const header = (key: string) => [res.headers[key]].flat().filter(Boolean).join(", ");
  const state = new RegExp(`"${name}"; r=(\\d+); t=(\\d+)`).exec(header("ratelimit"));
  const policy = new RegExp(`"${name}"; q=(\\d+); w=(\\d+); pk=:([^:]*):`).exec(header("ratelimit-policy"));
  if (!state || !policy) throw new Error(`no "${name}" rate limit in the answer's headers: ${header("ratelimit")} | ${header("ratelimit-policy")}`);
  return { remaining: Number(state[1]), limit: Number(policy[1]), windowSeconds: Number(policy[2]), partition: policy[3]! };
}
