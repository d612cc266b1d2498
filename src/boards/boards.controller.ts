import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public, Roles, type AuthUser } from '../auth/access-policy';
import { BoardSlugParam } from './dto/board-params.dto';
import { CreateBoardDto } from './dto/create-board.dto';
import { UpdateBoardDto } from './dto/update-board.dto';
import { BoardsService } from './boards.service';
import { BoardResponse } from './dto/board.responses';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('boards')
export class BoardsController {
  constructor(private readonly boards: BoardsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Boards of the forums the caller may read' })
  @ApiOkResponse({ type: [BoardResponse] })
  list(@CurrentUser() user: AuthUser | undefined) {
    return this.boards.list(user);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a board in a forum (admins)' })
  @ApiCreatedResponse({ type: BoardResponse })
  create(@Body() dto: CreateBoardDto) {
    return this.boards.create(dto);
  }

  @Get(':slug')
  @Public()
  @ApiOperation({ summary: 'One board, with its last message seq' })
  @ApiOkResponse({ type: BoardResponse })
  get(@CurrentUser() user: AuthUser | undefined, @Param() { slug }: BoardSlugParam) {
    return this.boards.get(user, slug);
  }

  @Patch(':slug')
  @Authenticated()
  @ApiOperation({ summary: 'Change name, policy or slow mode (moderators of the forum)' })
  @ApiOkResponse({ type: BoardResponse })
  update(@CurrentUser() user: AuthUser, @Param() { slug }: BoardSlugParam, @Body() dto: UpdateBoardDto) {
    return this.boards.update(user, slug, dto);
  }
}
