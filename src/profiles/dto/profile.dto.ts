import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class UsernameParam {
  @ApiProperty({ example: 'ann_from_ops' })
  @Matches(/^[A-Za-z0-9_]{1,32}$/, { message: 'username must be letters, digits and underscores' })
  username!: string;
}

export class ProfilePostResponse {
  @ApiProperty() postId!: string;
  @ApiProperty() topicId!: string;
  @ApiProperty() topicTitle!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'A short plain-text cut of the post' }) excerpt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProfileResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ description: 'Visible posts in the forums the viewer may read' }) postCount!: number;
  @ApiProperty({ type: [ProfilePostResponse], description: 'Newest first, at most 10' })
  recentPosts!: ProfilePostResponse[];
}
