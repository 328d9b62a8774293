import { describe, expect, it } from "vitest";
import { clientKey } from "../../server/auth/client-address";
import { FailureLimiter, type FailureLimitPolicy } from "../../server/auth/failure-limiter";
import { tokenGuessPolicy } from "../../server/auth/token-guesses";

const policy: FailureLimitPolicy = {
  freeFailures: 3,
  forgetAfterMs: 60_000,
  firstWaitMs: 1_000,
  maxWaitMs: 8_000,
  maxClients: 3,
};

/** A limiter on a clock the test moves by hand. */
function limiterAt(start = 0) {
  let now = start;
  const limiter = new FailureLimiter(policy, () => now);
  return { limiter, advance: (ms: number) => (now += ms) };
}

const fail = (limiter: FailureLimiter, client: string, times: number) =>
  Array.from({ length: times }, () => limiter.recordFailure(client).waitMs);

describe("the failure limiter", () => {
  it("lets the free failures pass, then makes the client wait twice as long each time, up to the cap", () => {
    const { limiter } = limiterAt();

    expect(fail(limiter, "a", 8)).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(limiter.waitMs("a")).toBe(8_000);
  });

  it("stops making a client wait once its wait is over", () => {
    const { limiter, advance } = limiterAt();
    fail(limiter, "a", 4);

    advance(999);
    expect(limiter.waitMs("a")).toBe(1);
    advance(1);
    expect(limiter.waitMs("a")).toBe(0);
    // Not forgotten yet: the next failure waits longer than the last.
    expect(limiter.recordFailure("a").waitMs).toBe(2_000);
  });

  it("counts each client on its own", () => {
    const { limiter } = limiterAt();
    fail(limiter, "a", 5);

    expect(limiter.waitMs("a")).toBeGreaterThan(0);
    expect(limiter.waitMs("b")).toBe(0);
    expect(fail(limiter, "b", 3)).toEqual([0, 0, 0]);
  });

  it("forgets a client after a quiet spell that begins when its wait ends", () => {
    const { limiter, advance } = limiterAt();
    fail(limiter, "a", 4);

    advance(1_000 + 60_000);
    expect(limiter.recordFailure("a").waitMs).toBe(2_000);
    advance(2_000 + 60_001);
    expect(fail(limiter, "a", 3)).toEqual([0, 0, 0]);
  });

  it("starts a client again from zero once it gets it right", () => {
    const { limiter } = limiterAt();
    fail(limiter, "a", 3);
    limiter.recordSuccess("a");

    expect(fail(limiter, "a", 3)).toEqual([0, 0, 0]);
  });

  it("remembers at most maxClients, forgetting the least recently failing first", () => {
    const { limiter } = limiterAt();
    for (const client of ["a", "b", "c", "d"]) fail(limiter, client, 4);

    expect(limiter.waitMs("a")).toBe(0);
    expect(["b", "c", "d"].map((c) => limiter.waitMs(c) > 0)).toEqual([true, true, true]);
  });

  it("in the server, allows ten typos, then waits 30 s and doubles up to an hour, forgetting after a quiet hour", () => {
    expect(tokenGuessPolicy).toMatchObject({
      freeFailures: 10,
      forgetAfterMs: 3_600_000,
      firstWaitMs: 30_000,
      maxWaitMs: 3_600_000,
    });
  });
});

describe("the key a client is counted under", () => {
  it("is an IPv4 address itself, also when written IPv4-mapped", () => {
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
  });

  it("is the /64 of an IPv6 address, which one host usually holds whole", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2:bbbb::9")).toBe(clientKey("2001:db8:1:2:aaaa::1"));
    expect(clientKey("2001:db8:1:3::1")).not.toBe(clientKey("2001:db8:1:2::1"));
  });
});
