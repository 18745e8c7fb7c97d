namespace Handbook.Site.History;

/// <summary>
/// Union–find over lineage ids. A lineage is "this page since it was added"; renames and moves carry it to the new
/// path, and a merge joins the lineages both parents hold for the same path, so a family keeps one identity however
/// its history branched.
/// </summary>
internal sealed class LineageSet
{
    private readonly List<int> _parent = [];

    public int Count => _parent.Count;

    public int Create()
    {
        _parent.Add(_parent.Count);
        return _parent.Count - 1;
    }

    public int Find(int id)
    {
        var root = id;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        // Path compression keeps later look-ups flat.
        while (_parent[id] != root)
        {
            var next = _parent[id];
            _parent[id] = root;
            id = next;
        }

        return root;
    }

    /// <summary>Joins two lineages; the lower id becomes the root so the result does not depend on call order.</summary>
    public int Union(int a, int b)
    {
        var x = Find(a);
        var y = Find(b);
        if (x == y)
        {
            return x;
        }

        var (root, child) = x < y ? (x, y) : (y, x);
        _parent[child] = root;
        return root;
    }
}
