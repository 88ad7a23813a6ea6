/** One guidance item as the navigation tree needs it. */
export interface TreeItem {
  readonly slug: string;
  readonly title: string;
  readonly path: string;
  readonly url?: string | null;
  readonly position: number;
  readonly parent: { readonly slug: string } | null;
}

export interface TreeNode extends TreeItem {
  readonly children: readonly TreeNode[];
}

export interface GuidanceTree {
  readonly roots: readonly TreeNode[];
  /** Every node, depth first with siblings by position: the reading order. */
  readonly order: readonly TreeNode[];
  readonly bySlug: ReadonlyMap<string, TreeNode>;
}

/**
 * The tree from a flat list (any order): siblings by position, then title. An item whose parent
 * is missing from the list counts as a root, so a partial list still shows everything.
 */
export function buildTree(items: readonly TreeItem[]): GuidanceTree {
  const slugs = new Set(items.map((item) => item.slug));
  const childrenOf = new Map<string | null, TreeItem[]>();
  for (const item of items) {
    const parent = item.parent && slugs.has(item.parent.slug) ? item.parent.slug : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(item);
    childrenOf.set(parent, siblings);
  }
  const order: TreeNode[] = [];
  const bySlug = new Map<string, TreeNode>();
  const visited = new Set<string>();
  const nodesUnder = (parent: string | null): TreeNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((item) => !visited.has(item.slug))
      .sort((a, b) => a.position - b.position || a.title.localeCompare(b.title))
      .map((item) => {
        visited.add(item.slug);
        const node: { -readonly [K in keyof TreeNode]: TreeNode[K] } = { ...item, children: [] };
        order.push(node);
        bySlug.set(node.slug, node);
        node.children = nodesUnder(item.slug);
        return node;
      });
  return { roots: nodesUnder(null), order, bySlug };
}
