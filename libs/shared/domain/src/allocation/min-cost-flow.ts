/**
 * Min-cost flow, primal-dual: Dijkstra with potentials (Johnson) finds the shortest distances, then a
 * Dinic blocking flow pushes as much flow as possible along the zero-reduced-cost (shortest) paths.
 * With few distinct cost values (lexicographic tiers) this needs few phases.
 *
 * Costs must be non-negative integers and all sums must stay below 2^53 (exact doubles).
 * Ties are broken by node numbering and edge insertion order, so callers randomise those with a seed.
 */
export class MinCostFlow {
  private readonly head: Int32Array;
  private to: Int32Array;
  private next: Int32Array;
  private cap: Int32Array;
  private cost: Float64Array;
  private edgeCount = 0;

  constructor(
    private readonly nodeCount: number,
    edgeHint = 16,
  ) {
    this.head = new Int32Array(nodeCount).fill(-1);
    const size = Math.max(2, edgeHint * 2);
    this.to = new Int32Array(size);
    this.next = new Int32Array(size);
    this.cap = new Int32Array(size);
    this.cost = new Float64Array(size);
  }

  /** Adds u → v and returns the edge id (its flow is readable with `flowOn`). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    if (this.edgeCount + 2 > this.to.length) this.grow();
    const e = this.edgeCount;
    this.to[e] = v;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[u];
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.next[e + 1] = this.head[v];
    this.head[v] = e + 1;
    this.edgeCount += 2;
    return e;
  }

  /** Flow currently on the edge returned by `addEdge`. */
  flowOn(edge: number): number {
    return this.cap[edge + 1];
  }

  /** Sends up to `limit` units from s to t at minimum total cost; returns the flow sent and its cost. */
  run(s: number, t: number, limit: number): { flow: number; cost: number } {
    const n = this.nodeCount;
    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    let flow = 0;
    let totalCost = 0;
    const { head, next, to, cap, cost } = this;

    const reduced = (u: number, e: number): number => cost[e] + potential[u] - potential[to[e]];

    const dfs = (u: number, f: number): number => {
      if (u === t) return f;
      for (; iter[u] !== -1; iter[u] = next[iter[u]]) {
        const e = iter[u];
        const v = to[e];
        if (cap[e] > 0 && level[v] === level[u] + 1 && reduced(u, e) === 0) {
          const d = dfs(v, Math.min(f, cap[e]));
          if (d > 0) {
            cap[e] = cap[e] - d;
            cap[e ^ 1] = cap[e ^ 1] + d;
            return d;
          }
        }
      }
      return 0;
    };

    while (flow < limit) {
      // Dijkstra on reduced costs (dense O(V²): the graph is nearly complete bipartite).
      dist.fill(Infinity);
      done.fill(0);
      dist[s] = 0;
      for (;;) {
        let u = -1;
        let best = Infinity;
        for (let v = 0; v < n; v++) {
          if (done[v] === 0 && dist[v] < best) {
            best = dist[v];
            u = v;
          }
        }
        if (u === -1) break;
        done[u] = 1;
        for (let e = head[u]; e !== -1; e = next[e]) {
          if (cap[e] <= 0) continue;
          const v = to[e];
          const nd = best + reduced(u, e);
          if (nd < dist[v]) dist[v] = nd;
        }
      }
      const dt = dist[t];
      if (dt === Infinity) break;
      for (let v = 0; v < n; v++) potential[v] = potential[v] + Math.min(dist[v], dt);

      // Dinic on the admissible graph (edges with zero reduced cost lie on shortest paths).
      for (;;) {
        level.fill(-1);
        level[s] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = s;
        while (qh < qt) {
          const u = queue[qh++];
          for (let e = head[u]; e !== -1; e = next[e]) {
            const v = to[e];
            if (cap[e] > 0 && level[v] === -1 && reduced(u, e) === 0) {
              level[v] = level[u] + 1;
              queue[qt++] = v;
            }
          }
        }
        if (level[t] === -1) break;
        iter.set(head);
        let pushed: number;
        while (flow < limit && (pushed = dfs(s, limit - flow)) > 0) {
          flow += pushed;
          totalCost += pushed * (potential[t] - potential[s]);
        }
        if (flow >= limit) break;
      }
    }
    return { flow, cost: totalCost };
  }

  private grow(): void {
    const size = this.to.length * 2;
    const grow32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.to = grow32(this.to);
    this.next = grow32(this.next);
    this.cap = grow32(this.cap);
    const c = new Float64Array(size);
    c.set(this.cost);
    this.cost = c;
  }
}
