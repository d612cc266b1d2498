import { ApiError, type ErrorBody } from './api-error';
import type { Schemas } from './api-types';
import { http, refreshSession } from './http-client';

export type Upload = Schemas['UploadResponse'];

const CSRF_COOKIE = 'parley_csrf';

function csrfToken(): string | null {
  const match = document.cookie.split('; ').find((pair) => pair.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : null;
}

/**
 * POST /api/forums/:slug/uploads as multipart. XMLHttpRequest rather than fetch: only it reports upload
 * progress. Errors arrive as the API's ApiError (415, 413, 422 personal_data_detected with its findings, …).
 */
export async function uploadFile(
  forumSlug: string,
  file: File,
  onProgress: (fraction: number) => void,
  acknowledgePersonalData?: string,
): Promise<Upload> {
  try {
    return await sendOnce(forumSlug, file, onProgress, acknowledgePersonalData);
  } catch (error) {
    // An expired access token: refresh once and send again, as every other call does.
    if (!(error instanceof ApiError && error.status === 401 && (await refreshSession()))) throw error;
    return sendOnce(forumSlug, file, onProgress, acknowledgePersonalData);
  }
}

function sendOnce(
  forumSlug: string,
  file: File,
  onProgress: (fraction: number) => void,
  acknowledgePersonalData?: string,
): Promise<Upload> {
  const form = new FormData();
  if (acknowledgePersonalData) form.append('acknowledgePersonalData', acknowledgePersonalData);
  form.append('file', file, file.name || 'pasted-image.png');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/forums/${encodeURIComponent(forumSlug)}/uploads`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The server cannot be reached'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as Upload);
      const error = body as Partial<ErrorBody> | undefined;
      reject(
        ApiError.fromBody({
          statusCode: xhr.status,
          code: error?.code ?? 'internal_error',
          message: error?.message ?? `The server answered ${xhr.status}`,
          details: error?.details,
        }),
      );
    };
    xhr.send(form);
  });
}

export const uploadsApi = {
  /** The author, or a moderator of the forum removing a file's personal data: the stored bytes go too. */
  remove: (id: string) => http.delete<void>(`/api/uploads/${encodeURIComponent(id)}`),
};
