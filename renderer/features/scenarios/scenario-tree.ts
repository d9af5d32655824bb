/** What the tree needs of a scenario. */
export interface TreeNode {
  id: number;
  parentId: number | null;
}

/** One row of the scenario tree: the scenario and how deep it sits (0 = a root). */
export interface TreeRow<T extends TreeNode> {
  scenario: T;
  depth: number;
}

/**
 * Orders scenarios as a tree by `parentId`, depth first: each scenario comes right after
 * its parent (and that parent's earlier children's subtrees). A scenario whose parent is
 * null or not in the list (deleted, or left out such as an archived one) is a root.
 * Siblings, and roots, keep their order in the input. A parent cycle (which the backend
 * never makes) is broken at its first member in input order, so every scenario appears
 * exactly once.
 */
export function scenarioTree<T extends TreeNode>(scenarios: readonly T[]): TreeRow<T>[] {
  const ids = new Set(scenarios.map((s) => s.id));
  const children = new Map<number, T[]>();
  const roots: T[] = [];
  for (const s of scenarios) {
    if (s.parentId === null || s.parentId === s.id || !ids.has(s.parentId)) {
      roots.push(s);
    } else {
      const list = children.get(s.parentId);
      if (list) list.push(s);
      else children.set(s.parentId, [s]);
    }
  }
  const out: TreeRow<T>[] = [];
  const seen = new Set<number>();
  const visit = (root: T) => {
    // An explicit stack keeps deep chains of branches off the call stack.
    const stack: TreeRow<T>[] = [{ scenario: root, depth: 0 }];
    while (stack.length > 0) {
      const row = stack.pop()!;
      if (seen.has(row.scenario.id)) continue;
      seen.add(row.scenario.id);
      out.push(row);
      const kids = children.get(row.scenario.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ scenario: kids[i]!, depth: row.depth + 1 });
    }
  };
  for (const root of roots) visit(root);
  // Whatever is left hangs off a cycle: start from its first member in input order.
  for (const s of scenarios) if (!seen.has(s.id)) visit(s);
  return out;
}

/**
 * The default name of a branch of `name`: "<name> copy", or "<name> copy 2", "<name> copy 3" …
 * when that is taken (names compare trimmed, as the backend does).
 */
export function copyName(name: string, taken: Iterable<string>, suffix = 'copy'): string {
  const names = new Set([...taken].map((n) => n.trim()));
  const base = `${name.trim()} ${suffix}`;
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} ${i}`;
    if (!names.has(candidate)) return candidate;
  }
}
