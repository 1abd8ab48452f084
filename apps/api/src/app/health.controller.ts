import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@stl/api/feature-auth';
import { JobQueue } from '@stl/api/feature-notification';

type Up = 'up' | 'down';

@Controller('health')
@Public()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  /** For load balancers: 200 when this process can reach PostgreSQL. */
  @Get()
  async health(): Promise<{ status: 'ok'; database: 'up' }> {
    if ((await this.database()) === 'up') return { status: 'ok', database: 'up' };
    throw new HttpException({ status: 'error', database: 'down' }, HttpStatus.SERVICE_UNAVAILABLE);
  }

  /**
   * Liveness (Kubernetes `livenessProbe`): 200 while the process answers HTTP at all. It checks no
   * dependency, so a database outage does not get every instance restarted.
   */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness (`readinessProbe`, the load balancer): 200 when this process can reach PostgreSQL
   * and its job queue (pg-boss) has started, is not stopping and reaches its schema; 503 naming
   * what is down otherwise, so traffic goes to other instances meanwhile.
   */
  @Get('ready')
  async ready(): Promise<{ status: 'ok' | 'error'; database: Up; queue: Up }> {
    const [database, queue] = await Promise.all([
      this.database(),
      this.queue.ready().then((ok): Up => (ok ? 'up' : 'down')),
    ]);
    if (database === 'up' && queue === 'up') return { status: 'ok', database, queue };
    throw new HttpException({ status: 'error', database, queue }, HttpStatus.SERVICE_UNAVAILABLE);
  }

  private async database(): Promise<Up> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
