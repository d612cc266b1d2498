import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

/**
 * The multipart form's text field: the acknowledgement of the file's personal data when a 422 asked for one.
 * The file itself (field `file`) is read by multer, never by the validation pipe (UPLOAD_FORM documents both).
 */
export class UploadFileDto {
  @ApiPropertyOptional({ description: 'The findingsDigest of an earlier 422 for this file' })
  @IsOmittable()
  @Matches(/^[0-9a-f]{64}$/)
  acknowledgePersonalData?: string;
}

export class UploadIdParam {
  @ApiProperty({ example: '3q2-7wAAAAAAAAAAAAAAAA' })
  @Matches(/^[A-Za-z0-9_-]{22}$/)
  id!: string;
}

export class MediaParams extends UploadIdParam {
  @ApiProperty({ example: 'photo.jpg', description: 'Cosmetic: the stored name is what is served' })
  @IsString()
  @MaxLength(400)
  name!: string;
}

export class ExternalImageParams {
  @Matches(/^[A-Za-z0-9_-]{22}$/) @ApiProperty() signature!: string;
  @Matches(/^[A-Za-z0-9_-]{1,4096}$/) @ApiProperty() encoded!: string;
}

/** The OpenAPI schema of the multipart form. */
export const UPLOAD_FORM = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary' },
    acknowledgePersonalData: {
      type: 'string',
      description: 'The findingsDigest of an earlier 422 for this file',
    },
  },
};
