// Starts GraphiQL from locally served assets (our machines have no internet, so no CDN).
// Headers typed into GraphiQL's header editor (Authorization, x-mappa-purpose…) are sent as given.
(function start() {
  var fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  var defaultQuery = [
    '# The single offender view: each field comes from the agency that owns it.',
    'query OffenderView {',
    '  offenders(first: 5, filter: { level: 2 }) {',
    '    totalCount',
    '    edges {',
    '      node {',
    '        pncId',
    '        identity { firstName lastName dateOfBirth }',
    '        mappaCase { category level leadAgency area nextReviewDate }',
    '      }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  // Every request needs a bearer token and a declared purpose. Headers are never persisted in the
  // browser's storage: a token left in localStorage outlives the session it was issued for.
  var defaultHeaders = JSON.stringify(
    {
      authorization: 'Bearer <output of: npm run -s token -- --agency mappa_unit --role mappa_coordinator>',
      'x-mappa-purpose': 'MAPPA_SCREENING',
    },
    null,
    2,
  );
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultHeaders: defaultHeaders,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
