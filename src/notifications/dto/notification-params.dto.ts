import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import { PageLimit, IdCursor } from '../../infra/http/page-query';

export class NotificationIdParam {
  @ApiProperty() @IsMongoId() id!: string;
}

export class NotificationPageQuery {
  @IdCursor()
  cursor?: string;

  @PageLimit(20)
  limit?: number;
}
