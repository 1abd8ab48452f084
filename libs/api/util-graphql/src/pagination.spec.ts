import { decodeCursor, encodeCursor, paginate } from './pagination';

describe('pagination', () => {
  it('round-trips cursors', () => {
    expect(decodeCursor(encodeCursor(40))).toBe(40);
    expect(decodeCursor(null)).toBe(0);
  });

  it('rejects forged cursors with a typed error', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('pages through a list', async () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    const fetch = async (skip: number, take: number): Promise<[number[], number]> => [
      all.slice(skip, skip + take),
      all.length,
    ];
    const p1 = await paginate({ first: 3 }, fetch);
    expect(p1.nodes).toEqual([0, 1, 2]);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p3 = await paginate({ first: 3, after: encodeCursor(6) }, fetch);
    expect(p3.nodes).toEqual([6]);
    expect(p3.pageInfo.hasNextPage).toBe(false);
    expect(p3.totalCount).toBe(7);
  });
});
