import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access-policy';
import { ExternalImageParams, MediaParams } from './dto/upload-file.dto';
import { MediaService } from './media.service';

const BINARY = { schema: { type: 'string', format: 'binary' } };

/**
 * Uploads and proxied images, outside /api (app.factory excludes `media` from the prefix). Every answer is
 * inert: nosniff, a CSP that allows no script and sandboxes the document, and a Content-Disposition
 * (inline for images, attachment for everything else). With MEDIA_ORIGIN these URLs live on another host,
 * which the session cookies (host-only) never reach.
 */
@ApiTags('media')
@Controller('media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Get('external/:signature/:encoded')
  @Public()
  @ApiOperation({ summary: 'An external image of a post, fetched and cleaned by the image proxy' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp', 'image/gif')
  @ApiOkResponse({
    content: { 'image/png': BINARY, 'image/jpeg': BINARY, 'image/webp': BINARY, 'image/gif': BINARY },
  })
  external(@Param() { signature, encoded }: ExternalImageParams, @Res() res: Response): Promise<void> {
    return this.media.sendExternal(signature, encoded, res);
  }

  @Get(':id/:name')
  @Public()
  @ApiOperation({ summary: 'An uploaded image or attachment' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'text/plain')
  @ApiOkResponse({
    content: {
      'image/png': BINARY,
      'image/jpeg': BINARY,
      'image/webp': BINARY,
      'image/gif': BINARY,
      'application/pdf': BINARY,
      'text/plain': BINARY,
    },
  })
  upload(@Param() { id }: MediaParams, @Res() res: Response): Promise<void> {
    return this.media.sendUpload(id, res);
  }
}
