namespace Handbook.Site.Compare;

using Handbook.JobFamilies.Model;

/// <summary>A row of a <see cref="LevelMatrix"/>: the same bullet as each level lists it (null where a level does not).</summary>
public sealed record MatrixRow(IReadOnlyList<Item?> Cells)
{
    /// <summary>The row as it shows when only levels <paramref name="left"/> and <paramref name="right"/> are compared, or null when neither lists it.</summary>
    public ComparedRow? Pair(int left, int right) =>
        Cells[left] is null && Cells[right] is null ? null : new ComparedRow(Cells[left], Cells[right]);
}
