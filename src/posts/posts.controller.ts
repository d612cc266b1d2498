import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { EditPostDto } from './dto/edit-post.dto';
import { PostIdParam } from './dto/params.dto';
import { PostEditingService } from './post-editing.service';
import { PostLikesService } from './post-likes.service';
import { LikeStateResponse, PostResponse, RevisionsResponse } from './dto/post.responses';

@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(
    private readonly editing: PostEditingService,
    private readonly likes: PostLikesService,
  ) {}

  @Patch(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Edit one’s own post (and the title, on a first post); stores a revision' })
  @ApiOkResponse({ type: PostResponse })
  edit(@CurrentUser() user: AuthUser, @Param() { id }: PostIdParam, @Body() dto: EditPostDto) {
    return this.editing.edit(user, id, dto);
  }

  @Delete(':id')
  @Authenticated()
  @ApiOperation({
    summary:
      'Delete one’s own post (soft: a placeholder shows); moderators remove others’ posts with POST /api/moderation/posts/:id/delete',
  })
  @ApiOkResponse({ type: PostResponse, description: 'The post as it reads now (a placeholder)' })
  remove(@CurrentUser() user: AuthUser, @Param() { id }: PostIdParam) {
    return this.editing.remove(user, id);
  }

  @Get(':id/revisions')
  @Authenticated()
  @ApiOperation({ summary: 'Edit history of a post (its author and moderators)' })
  @ApiOkResponse({ type: RevisionsResponse })
  revisions(@CurrentUser() user: AuthUser, @Param() { id }: PostIdParam) {
    return this.editing.revisionsOf(user, id);
  }

  @Post(':id/like')
  @Authenticated()
  @ApiOperation({ summary: 'Like a post (once per user; repeating is harmless)' })
  @ApiCreatedResponse({ type: LikeStateResponse })
  like(@CurrentUser() user: AuthUser, @Param() { id }: PostIdParam) {
    return this.likes.like(user, id);
  }

  @Delete(':id/like')
  @Authenticated()
  @ApiOperation({ summary: 'Take back a like' })
  @ApiOkResponse({ type: LikeStateResponse })
  unlike(@CurrentUser() user: AuthUser, @Param() { id }: PostIdParam) {
    return this.likes.unlike(user, id);
  }
}
