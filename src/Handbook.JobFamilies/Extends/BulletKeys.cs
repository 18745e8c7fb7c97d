namespace Handbook.JobFamilies.Extends;

using System.Runtime.InteropServices;
using Handbook.JobFamilies.Text;

/// <summary>
/// Numbers bullet texts by their item key for extends planning: two texts get the same number exactly when
/// <see cref="ItemKeyEqualityComparer"/> finds them equal (so all texts without letters or digits share one number, as
/// they compare equal there). Planning deduplicates every inherited bullet against the others of each role that
/// inherits it; with numbers each text's key is hashed once, not once per role (issue 9: the comparer's hash was
/// the planner's hottest frame). Not thread-safe: the planner runs on one thread.
/// </summary>
internal sealed class BulletKeys
{
    private readonly Dictionary<string, int> _ids = new(ItemKeyEqualityComparer.Instance);

    /// <summary>The number of <paramref name="text"/>'s key.</summary>
    public int IdOf(string text)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, text, out var exists);
        if (!exists)
        {
            id = _ids.Count - 1;
        }

        return id;
    }
}
