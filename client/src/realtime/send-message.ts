import { ClientCommand, type Ack, type MessageSendPayload } from '@socket-protocol';
import { ApiError } from '../api/api-error';
import { boardsApi, type SentMessage } from '../api/boards-api';
import type { LiveSocket } from './live-events';

const ACK_TIMEOUT_MS = 10_000;

/**
 * A board message over the socket (`message.send` with an acknowledgement), or over REST when the socket is
 * down. Both answer the same body and the same errors; the clientId makes a retry after a timeout harmless.
 */
export function sendBoardMessage(socket: LiveSocket | null, payload: MessageSendPayload): Promise<SentMessage> {
  const { board, ...body } = payload;
  if (!socket?.connected) return boardsApi.send(board, body);
  return new Promise<SentMessage>((resolve, reject) => {
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit(ClientCommand.MessageSend, payload, (timeout: Error | null, reply: Ack<SentMessage>) => {
        if (timeout) {
          boardsApi.send(board, body).then(resolve, reject);
          return;
        }
        if (reply.ok) resolve({ message: reply.message, masked: reply.masked ?? [] });
        else reject(ApiError.fromBody(reply.error));
      });
  });
}
