import { Body, Controller, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-policy';
import { CreateForumDto } from './dto/create-forum.dto';
import { ForumIdParam } from './dto/forum-id.param';
import { ReorderForumsDto } from './dto/reorder-forums.dto';
import { UpdateForumDto } from './dto/update-forum.dto';
import { ForumAdminService } from './forum-admin.service';
import { ForumRecordResponse } from './dto/forum.responses';

/** Admin writes. Reading forums (list with unread counts, topics) is served by the posts module. */
@ApiTags('forums')
@ApiBearerAuth()
@Controller('forums')
export class ForumsController {
  constructor(private readonly admin: ForumAdminService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a product forum (admins)' })
  @ApiCreatedResponse({ type: ForumRecordResponse })
  create(@Body() dto: CreateForumDto) {
    return this.admin.create({ ...dto, description: dto.description ?? '' });
  }

  @Put('order')
  @Roles('admin')
  @ApiOperation({ summary: 'Reorder forums: the full list of ids in display order (admins)' })
  @ApiOkResponse({ type: [ForumRecordResponse], description: 'Every forum, in the new order' })
  reorder(@Body() dto: ReorderForumsDto) {
    return this.admin.reorder(dto.forumIds);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit or archive a forum (admins)' })
  @ApiOkResponse({ type: ForumRecordResponse })
  update(@Param() { id }: ForumIdParam, @Body() dto: UpdateForumDto) {
    return this.admin.update(id, dto);
  }
}
