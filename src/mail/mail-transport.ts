import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../infra/config/app-config';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

/** Thrown for an answer that will not change on a retry (5xx: no such mailbox, refused). */
export class PermanentMailError extends Error {}

/** nodemailer over SMTP_URL. Read at send time: `npm start` sets it when it starts the development Mailpit. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter: Transporter | undefined;
  private transporterUrl: string | undefined;

  constructor(private readonly config: AppConfig) {}

  async send(message: OutgoingMessage): Promise<void> {
    const url = this.config.SMTP_URL;
    if (!url) throw new Error('SMTP_URL is not set: the mail waits in the queue');
    if (!this.transporter || this.transporterUrl !== url) {
      this.transporter?.close();
      this.transporter = createTransport({
        url,
        // A hung SMTP server must not hold a worker: these end the try, and the queue retries later.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
      this.transporterUrl = url;
    }
    try {
      await this.transporter.sendMail({ from: this.config.MAIL_FROM, ...message });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500 && code < 600)
        throw new PermanentMailError((error as Error).message);
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
