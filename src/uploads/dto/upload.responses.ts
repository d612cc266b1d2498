import { ApiProperty } from '@nestjs/swagger';

export class UploadFindingsResponse {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { phone: 1 } })
  byType!: Record<string, number>;
  @ApiProperty({ enum: ['warn', 'review', 'mask'] }) policy!: string;
  @ApiProperty({ description: 'Under the review policy: the post carrying this file waits for a moderator' })
  held!: boolean;
}

export class UploadResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['image', 'attachment'] }) kind!: string;
  @ApiProperty({ example: 'image/jpeg' }) mime!: string;
  @ApiProperty({ example: 'photo.jpg' }) name!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ type: Number, nullable: true }) width!: number | null;
  @ApiProperty({ type: Number, nullable: true }) height!: number | null;
  @ApiProperty({ example: '/media/3q2-7wAAAAAAAAAAAAAAAA/photo.jpg' }) url!: string;
  @ApiProperty({ example: '![photo.jpg](/media/3q2-7wAAAAAAAAAAAAAAAA/photo.jpg)' }) markdown!: string;
  @ApiProperty({
    type: [String],
    example: ['location data removed from photo.jpg'],
    description: 'What was taken out on the way in',
  })
  removed!: string[];
  @ApiProperty({ type: UploadFindingsResponse, nullable: true }) findings!: UploadFindingsResponse | null;
  @ApiProperty({ type: String, nullable: true }) postId!: string | null;
  @ApiProperty() createdAt!: string;
}
