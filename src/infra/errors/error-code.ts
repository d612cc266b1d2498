/** Every error code the API and the socket gateway answer with, and its HTTP status. */
export const statusOf = {
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  // What exactly was wrong with a request that passed validation:
  conflicting_parameters: 400,
  cursor_invalid: 400,
  link_invalid: 400,
  restriction_end_in_past: 400,
  nothing_detected: 400,
  span_out_of_range: 400,
  own_content: 400,
  already_in_forum: 400,
  title_not_allowed: 400,
  reply_target_missing: 400,
  room_invalid: 400,
  room_not_supported: 400,
  not_in_room: 400,
  file_missing: 400,
  upload_in_other_forum: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  origin_refused: 403,
  forbidden: 403,
  address_refused: 403,
  account_suspended: 403,
  account_silenced: 403,
  wrong_password: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  // Which state or stored value the request ran into:
  username_taken: 409,
  email_taken: 409,
  slug_taken: 409,
  self_action_refused: 409,
  already_reported: 409,
  state_changed: 409,
  no_pending_edit: 409,
  still_creating: 409,
  edit_conflict: 409,
  notice_version_stale: 409,
  draft_limit_reached: 409,
  topic_locked: 409,
  forum_archived: 409,
  payload_too_large: 413,
  unsupported_file_type: 415,
  unsupported_media_type: 415,
  personal_data_detected: 422,
  upload_refused: 422,
  notice_not_acknowledged: 428,
  rate_limited: 429,
  upload_quota_exceeded: 429,
  too_many_connections: 429,
  headers_too_large: 431,
  internal_error: 500,
  external_image_unavailable: 502,
  database_unavailable: 503,
  server_busy: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof statusOf;

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId?: string;
}
