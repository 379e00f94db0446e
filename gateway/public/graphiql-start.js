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
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery }));
})();
