// /artists: an artist's record — tracks, aliases, collaborations, the artists DJs play next to them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ArtistService, CatalogService } from '@songnodes/services';
import { Type } from 'typebox';
import { requestContext } from '../auth/session.ts';
import { nextUrl } from '../pagination.ts';
import { Id, IdParams, Page, PageQuery, problems, TrackSummary } from '../schemas.ts';

const Named = (count: string) =>
  Type.Object({ id: Type.Integer(), name: Type.String(), [count]: Type.Integer() });

export const artistRoutes =
  (s: { catalog: CatalogService; artists: ArtistService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/artists',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'List artists',
          description: 'By id; `name` finds artists whose name or an alias contains it (case-insensitive).',
          tags: ['artists'],
          querystring: Type.Object(
            { ...PageQuery, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
            { additionalProperties: false },
          ),
          response: {
            200: Page(
              Type.Object({
                id: Type.Integer(),
                name: Type.String(),
                tracks: Type.Integer({ description: 'tracks credited to the artist' }),
                performed: Type.Integer({ description: 'sets the artist performed' }),
              }),
            ),
            ...problems(400, 422),
          },
        },
      },
      async (req) => {
        const { after, limit, ...f } = req.query;
        const page = await s.catalog.listArtists(f, { after, limit }, req.principal);
        return { ...page, nextUrl: nextUrl(req, page.next) };
      },
    );

    app.get(
      '/artists/:id',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'One artist: tracks, aliases, collaborations, artists played next to them',
          tags: ['artists'],
          params: IdParams,
          response: {
            200: Type.Object({
              id: Type.Integer(),
              name: Type.String(),
              aliases: Type.Array(Type.String()),
              tracks: Type.Array(
                Type.Object({ ...TrackSummary.properties, role: Type.String(), plays: Type.Integer() }),
              ),
              collaborations: Type.Array(Named('tracks')),
              playedWith: Type.Array(Named('transitions')),
              performed: Type.Integer({ description: 'sets this artist performed' }),
            }),
            ...problems(400, 404),
          },
        },
      },
      async (req) => s.catalog.getArtist(req.params.id, req.principal),
    );

    app.put(
      '/artists/:id/aliases',
      {
        config: { permission: 'write:tracks' },
        schema: {
          summary: "Replace an artist's aliases (other names: misspellings, former names)",
          description:
            'Later imports credit these names to this artist. An alias that is another artist’s name or alias is refused (409, naming the artist): merge the two artists instead.',
          tags: ['artists'],
          params: IdParams,
          body: Type.Object(
            {
              aliases: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ id: Type.Integer(), aliases: Type.Array(Type.String()) }),
            ...problems(400, 404, 409, 422),
          },
        },
      },
      async (req) =>
        s.artists.setAliases(req.params.id, req.body.aliases, req.principal, requestContext(req)),
    );

    app.post(
      '/artists/merge',
      {
        config: { permission: 'merge:tracks' },
        schema: {
          summary: 'Fold one artist record into another (two records of one artist)',
          description:
            'Credits, performances and aliases move to the kept artist; the merged name becomes an alias; DJ counts of the affected transitions are recounted and the graph follows. Not reversible.',
          tags: ['artists'],
          body: Type.Object(
            {
              keep: Id,
              merge: Id,
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              kept: Type.Integer(),
              merged: Type.Integer(),
              tracks: Type.Integer({ description: 'tracks whose credits moved' }),
              sets: Type.Integer({ description: 'sets whose performer moved' }),
              transitions: Type.Integer({ description: 'transitions whose DJ count was recounted' }),
            }),
            ...problems(400, 404, 422),
          },
        },
      },
      async (req) => s.artists.merge(req.body.keep, req.body.merge, req.principal, requestContext(req)),
    );
  };
