import { groupBy, requestLoader } from './loaders';

describe('requestLoader', () => {
  it('batches loads within one request and keeps loaders apart between requests', async () => {
    const calls: (readonly number[])[] = [];
    const batch = async (keys: readonly number[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 3).map((k) => [k, `v${k}`] as const));
    };
    const req1 = {};
    const [a, b, c] = await Promise.all([1, 2, 3].map((k) => requestLoader(req1, 'x', batch, null).load(k)));
    expect([a, b, c]).toEqual(['v1', 'v2', null]);
    expect(calls).toEqual([[1, 2, 3]]);
    await requestLoader({}, 'x', batch, null).load(1);
    expect(calls).toHaveLength(2);
  });

  it('groups rows', () => {
    expect(groupBy([{ k: 1 }, { k: 2 }, { k: 1 }], (r) => r.k).get(1)).toHaveLength(2);
  });
});
