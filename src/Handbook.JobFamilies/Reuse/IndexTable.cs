namespace Handbook.JobFamilies.Reuse;

/// <summary>Distinct values in the order first met, each with its position: what a stored family refers to by index.</summary>
internal sealed class IndexTable<T>(IEqualityComparer<T> comparer)
    where T : notnull
{
    private readonly Dictionary<T, int> _index = new(comparer);

    public List<T> Values { get; } = [];

    public int IndexOf(T value)
    {
        if (!_index.TryGetValue(value, out var index))
        {
            index = Values.Count;
            _index[value] = index;
            Values.Add(value);
        }

        return index;
    }
}
