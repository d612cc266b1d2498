import { ApiProperty } from '@nestjs/swagger';
import { WATCH_LEVELS } from '../watch';

export class WatchLevelResponse {
  @ApiProperty({
    enum: WATCH_LEVELS,
    description: 'Your own choice, or the default (normal, watching once you post)',
  })
  level!: string;
  @ApiProperty({
    enum: [...WATCH_LEVELS, null],
    nullable: true,
    type: String,
    description: 'Topics only: your level for its forum, which applies where the topic has none',
  })
  forumLevel!: string | null;
}
