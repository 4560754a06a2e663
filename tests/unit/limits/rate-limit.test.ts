import { createWindowCounter } from '../../../src/limits/rate-limit';

describe('window counter', () => {
  it('allows the limit per client and bucket, then tells how long to wait', () => {
    const counter = createWindowCounter(60_000);
    const t = 1_000_000;
    expect(counter.hit('api\u0000a', 2, t).allowed).toBe(true);
    expect(counter.hit('api\u0000a', 2, t + 1).allowed).toBe(true);
    expect(counter.hit('api\u0000a', 2, t + 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(counter.hit('api\u0000b', 2, t + 30_000).allowed).toBe(true);
    expect(counter.hit('search\u0000a', 2, t + 30_000).allowed).toBe(true);
  });

  it('starts afresh when the window ends', () => {
    const counter = createWindowCounter(1_000);
    expect(counter.hit('api\u0000a', 1, 5_000).allowed).toBe(true);
    expect(counter.hit('api\u0000a', 1, 5_500).allowed).toBe(false);
    expect(counter.hit('api\u0000a', 1, 6_000).allowed).toBe(true);
  });

  it('holds a bounded number of clients; the rest share one counter', () => {
    const counter = createWindowCounter(60_000, 3);
    for (const client of ['a', 'b', 'c', 'd', 'e']) counter.hit(`api\u0000${client}`, 1, 1_000);
    expect(counter.size()).toBe(4);
    expect(counter.hit('api\u0000f', 10, 1_000)).toEqual({ allowed: true, retryAfterSeconds: 60 });
    expect(counter.hit('api\u0000g', 1, 1_000).allowed).toBe(false);
  });
});
