import { IsInt, IsString, Length, Matches, Min } from 'class-validator';
import { SendMessageDto } from '../../boards/dto/send-message.dto';
import { IsOmittable } from '../../infra/http/is-omittable';

const ROOM = /^(forum|topic|board|mod):[A-Za-z0-9_-]{1,64}$/;
const ROOM_MESSAGE = 'room must be forum:<slug>, topic:<id>, board:<slug> or mod:<forumId>';

export class RoomDto {
  @IsString()
  @Matches(ROOM, { message: ROOM_MESSAGE })
  room!: string;
}

export class JoinRoomDto extends RoomDto {
  /** The last eventSeq the client applied in this room; the server sends everything after it. */
  @IsOmittable()
  @IsInt()
  @Min(0)
  lastEventSeq?: number;
}

export class ReadDto extends RoomDto {
  @IsInt()
  @Min(0)
  seq!: number;
}

/** The REST body plus the board it goes to (same validation, same limits). */
export class SocketSendMessageDto extends SendMessageDto {
  @IsString()
  @Length(1, 50)
  board!: string;
}
