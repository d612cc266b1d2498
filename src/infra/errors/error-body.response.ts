import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { statusOf, type ErrorCode } from './error-code';

/** Every error answer, REST and socket: the document's `default` response of every route. */
export class ErrorBodyResponse {
  @ApiProperty({ example: 404, description: 'The HTTP status, repeated' }) statusCode!: number;
  @ApiProperty({ enum: Object.keys(statusOf), description: 'Branch on this, not on the message' })
  code!: ErrorCode;
  @ApiProperty({ example: 'Topic not found' }) message!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Depends on the code: `fields` for validation_failed; findings, policy and findingsDigest for ' +
      'personal_data_detected; the notice for notice_not_acknowledged; retryAfterSeconds for rate_limited',
  })
  details?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Equals the X-Request-Id response header' }) requestId?: string;
}
