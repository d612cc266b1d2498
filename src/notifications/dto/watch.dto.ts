import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { WATCH_LEVELS, type WatchLevel } from '../watch';

export class SetWatchLevelDto {
  @ApiProperty({
    enum: WATCH_LEVELS,
    description:
      'watching: every new post, in the inbox and by mail (one mail per topic per quiet period); ' +
      'tracking: every new post in the inbox, mail only for replies to you, mentions and quotes; ' +
      'normal: replies to you, mentions and quotes; muted: nothing from here',
  })
  @IsIn(WATCH_LEVELS)
  level!: WatchLevel;
}
