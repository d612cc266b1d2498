import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { ForumSlugParam } from '../posts/dto/params.dto';
import { UPLOAD_FORM, UploadFileDto, UploadIdParam } from './dto/upload-file.dto';
import { UploadResponse } from './dto/upload.responses';
import { UploadIntakeService, type ReceivedFile } from './upload-intake.service';
import { UploadLifecycleService } from './upload-lifecycle.service';

@ApiTags('uploads')
@ApiBearerAuth()
@Controller()
export class UploadsController {
  constructor(
    private readonly intake: UploadIntakeService,
    private readonly lifecycle: UploadLifecycleService,
  ) {}

  @Post('forums/:slug/uploads')
  @Authenticated()
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_FORM })
  @ApiOperation({
    summary:
      'Upload an image (PNG, JPEG, WebP, GIF) or an attachment (PDF, .txt, .log) for a post in this forum',
    description:
      'The type is read from the content. Images are re-encoded without their metadata; `removed` says what ' +
      'went. The file name and a text file are checked for personal data under the forum policy: 422 ' +
      'personal_data_detected as for a post. 415 for other types, 413 when too large, 422 upload_refused ' +
      'for a decompression bomb or an unreadable image, 429 upload_quota_exceeded over a limit.',
  })
  @ApiCreatedResponse({ type: UploadResponse })
  upload(
    @CurrentUser() user: AuthUser,
    @Param() { slug }: ForumSlugParam,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() dto: UploadFileDto,
  ) {
    return this.intake.receive(user, slug, file, dto.acknowledgePersonalData);
  }

  @Delete('uploads/:id')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove an upload and its stored bytes (its author, or a moderator of its forum)',
  })
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthUser, @Param() { id }: UploadIdParam): Promise<void> {
    await this.lifecycle.remove(user, id);
  }
}
