import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { fetchPreview } from './artifact-content';

describe('artifact preview bytes', () => {
  it('reads the text, its type and whether the engine cut it', async () => {
    const answer = new Response('a,b\n', {
      headers: { 'content-type': 'text/csv', 'x-skiff-truncated': 'true' },
    });
    const preview = await fetchPreview('/c', () => Promise.resolve(answer));
    expect(preview).toEqual({ text: 'a,b\n', contentType: 'text/csv', truncated: true });
  });

  it('turns an error answer into an ApiError with its message', async () => {
    const answer = new Response(
      JSON.stringify({ code: 5, message: 'Artifact "x" was not found' }),
      {
        status: 404,
      },
    );
    const failing = fetchPreview('/c', () => Promise.resolve(answer));
    await expect(failing).rejects.toBeInstanceOf(ApiError);
    await expect(failing).rejects.toThrow(/not found/);
  });
});
