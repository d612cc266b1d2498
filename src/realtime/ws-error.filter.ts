import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { toAppError } from '../infra/errors/to-app-error';
import type { ParleySocket } from './socket-data';
import { ServerEvent } from './socket-protocol';

/**
 * Socket failures in the REST error shape: the acknowledgement gets `{ ok: false, error }`; a command sent
 * without an acknowledgement gets an `exception` event with the same body.
 */
@Catch()
export class WsErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WsError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const [socket, , ack] = host.getArgs<[ParleySocket, unknown, unknown]>();
    const error = toAppError(exception);
    if (error.status >= 500) {
      const err = exception as Error;
      this.logger.error({
        socketId: socket?.id,
        err: { name: err?.name, message: err?.message, stack: err?.stack },
      });
    }
    const body = error.toBody();
    if (typeof ack === 'function') (ack as (reply: unknown) => void)({ ok: false, error: body });
    else socket?.emit(ServerEvent.Exception, body);
  }
}
