import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsString, Length, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

export class DeleteAccountDto {
  @ApiProperty({ description: 'Your current password, to confirm' })
  @IsString()
  @Length(1, 200)
  password!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Also delete your posts and messages; otherwise they stay, shown as by "deleted user"',
  })
  @IsOmittable()
  @IsBoolean()
  deletePosts?: boolean;
}

export class ChannelPreferenceDto {
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() inApp?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() email?: boolean;
}

/** Only the kinds and channels sent change. */
export class UpdatePreferencesDto {
  @ApiPropertyOptional({ type: ChannelPreferenceDto, description: 'Replies to your posts' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  replies?: ChannelPreferenceDto;

  @ApiPropertyOptional({ type: ChannelPreferenceDto, description: '@mentions of you' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  mentions?: ChannelPreferenceDto;

  @ApiPropertyOptional({ type: ChannelPreferenceDto, description: 'Moderation of your content' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  moderation?: ChannelPreferenceDto;

  @ApiPropertyOptional({ type: ChannelPreferenceDto, description: 'Digests and newsletters' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  mailings?: ChannelPreferenceDto;
}

export class UnsubscribeQuery {
  @ApiProperty({ description: 'The token from the link in the email' })
  @IsString()
  @Length(10, 1000)
  token!: string;
}
