import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { SmtpMailTransport, describeMailConfig, mailConfigFromEnv } from '@stl/mail/data-access-transport';
import type { MailTransport, OutgoingMail, SendHooks, SendResult } from '@stl/mail/data-access-transport';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { smtpOptions } from '../queue/delivery-timing';

/**
 * The process's SMTP transport (pooled nodemailer), configured from SMTP_* once at boot. Without
 * SMTP_HOST mail goes to the local catcher on 127.0.0.1:1025.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  readonly from: string;
  private readonly transport: MailTransport;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const smtp = mailConfigFromEnv(config.notification.smtpEnv);
    this.from = smtp.from;
    this.transport = new SmtpMailTransport(smtp, smtpOptions(config.notification));
    if (config.notification.workerEnabled)
      new Logger('MailSender').log(`Mail goes to ${describeMailConfig(smtp)}`);
  }

  send(mail: OutgoingMail, hooks?: SendHooks): Promise<SendResult> {
    return this.transport.send(mail, hooks);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
