import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * Counts the SQL statements the in-process API sends through TypeORM (every query of a
 * PostgresQueryRunner, BEGIN and COMMIT included), only while `during` runs. `install` in
 * beforeAll, `restore` in afterAll. The statements come back as text, so a failing count shows
 * which ones were sent.
 */
export class StatementCount {
  private readonly query = PostgresQueryRunner.prototype.query;
  private sent: string[] | null = null;

  install(): void {
    const { query } = this;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const count = this;
    PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: never[]) {
      count.sent?.push(String(args[0]).replace(/\s+/g, ' ').trim());
      return (query as (...a: never[]) => Promise<unknown>).apply(this, args);
    } as typeof query;
  }

  restore(): void {
    PostgresQueryRunner.prototype.query = this.query;
  }

  /** The statements sent while `run` ran, in order. */
  async during(run: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    this.sent = sent;
    try {
      await run();
    } finally {
      this.sent = null;
    }
    return sent;
  }
}
