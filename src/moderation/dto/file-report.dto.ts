import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsString, MaxLength } from 'class-validator';
import { REPORT_REASONS, type ReportReason } from '../report';
import { IsOmittable } from '../../infra/http/is-omittable';

export class FileReportDto {
  @ApiProperty({ enum: ['post', 'message'] }) @IsIn(['post', 'message']) targetType!: 'post' | 'message';
  @ApiProperty({ description: 'Id of the post or board message' }) @IsMongoId() targetId!: string;
  @ApiProperty({ enum: REPORT_REASONS }) @IsIn(REPORT_REASONS) reason!: ReportReason;
  @ApiPropertyOptional({ maxLength: 500, description: 'What the moderators should know' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  note?: string;
}
