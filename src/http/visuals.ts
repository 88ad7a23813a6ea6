import type { FastifyInstance } from 'fastify';
import { Locale } from '../content/common/enums';
import { renderRoleModelSvg } from '../content/role-model/role-model.svg';
import { ErrorCode } from '../graphql/errors';
import type { LiveContent } from '../graphql/live-content';
import { HttpError } from './http-error';

/** Bump when the drawing changes, so cached pictures are not revalidated as unchanged. */
const RENDERER_VERSION = 1;
const LOCALES: Readonly<Record<string, Locale>> = { nl: Locale.NL, en: Locale.EN };

/**
 * `GET /visuals/role-model.svg[?locale=nl|en]`: the role model of the content version being
 * served, drawn once per version. The ETag is the stored model's hash, so a client revalidates
 * cheaply until the next seed run.
 */
export function registerVisuals(app: FastifyInstance, live: LiveContent): void {
  app.get<{ Querystring: { locale?: unknown } }>(
    '/visuals/role-model.svg',
    async (request, reply) => {
      const locale = localeOf(request.query.locale);
      const { snapshot } = live.current;
      const model = snapshot.roleModel;
      if (!model) {
        throw new HttpError(404, ErrorCode.NOT_FOUND, 'No role model has been seeded.');
      }
      const etag = `"rm${RENDERER_VERSION}-${model.hash.slice(0, 32)}-${locale}"`;
      void reply.header('etag', etag).header('cache-control', 'public, max-age=60');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const svg = snapshot.memo(`role-model.svg\u0000${locale}`, () =>
        renderRoleModelSvg(model.data, locale),
      );
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );
}

/** `?locale=`, once, "nl" or "en" in any case; absent means Dutch. */
function localeOf(value: unknown): Locale {
  if (value === undefined) return Locale.NL;
  const key = typeof value === 'string' ? value.toLowerCase() : undefined;
  if (key !== undefined && Object.hasOwn(LOCALES, key)) return LOCALES[key];
  throw new HttpError(
    400,
    ErrorCode.BAD_USER_INPUT,
    Array.isArray(value) ? 'locale: give it once, "nl" or "en".' : 'locale: must be "nl" or "en".',
  );
}
