/**
 * The tabs GraphiQL opens with: one example per content type, and search. GraphiQL 3 ignores
 * the first tab's variables, so that one has none.
 */
export interface ExampleTab {
  readonly query: string;
  readonly variables?: string;
}

export const EXAMPLE_TABS: readonly ExampleTab[] = [
  {
    query: `# Search all content (Dutch first): hits with highlighted snippets and facet counts.
query Search {
  search(query: "radicalisering", first: 5) {
    totalCount
    edges {
      node {
        score
        content { __typename slug title summary }
        highlights { field snippet }
      }
    }
    facets { field values { value count } }
  }
}`,
  },
  {
    query: `# The guidance tree: top-level pages and their children.
query GuidanceTree {
  guidances(first: 20, filter: { topLevel: true }) {
    totalCount
    edges { node { slug title kind summary children { slug title } } }
  }
}`,
  },
  {
    query: `# What the mayor may do: legal powers with their article of law.
query MayorPowers {
  legalPowers(first: 10, filter: { authority: [MAYOR] }) {
    totalCount
    edges {
      node { slug title law article conditions legalRemedy legalReference { url } }
    }
  }
}`,
  },
  {
    query: `# Prevention approaches, from general prevention to aftercare.
query Approaches {
  preventionApproaches(first: 10) {
    totalCount
    edges { node { slug title level actors steps targetGroups { slug title } } }
  }
}`,
  },
  {
    query: `# Target-group profiles with signals, risk and protective factors.
query TargetGroups($locale: Locale) {
  targetGroupProfiles(first: 10, locale: $locale) {
    totalCount
    edges { node { slug title signals riskFactors protectiveFactors } }
  }
}`,
    variables: JSON.stringify({ locale: 'NL' }, null, 2),
  },
];
