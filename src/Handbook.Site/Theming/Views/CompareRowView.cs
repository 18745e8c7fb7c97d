namespace Handbook.Site.Theming.Views;

/// <summary>
/// A row of a compare table: <c>cells</c>, one per level (nil where that level does not list the bullet), and
/// <c>has</c>, the class list naming the columns that do (<c>has-1 has-3</c>), which the pair rules select on.
/// </summary>
public sealed record CompareRowView(string Has, IReadOnlyList<CompareCellView?> Cells)
{
    /// <summary>
    /// <see cref="Has"/> shared by the rows of a page with the same columns (<see cref="CompareRows"/>), so templates
    /// read one value for all of them; null: the string is wrapped per read as any member is.
    /// </summary>
    internal SharedText? SharedHas { get; init; }

    /// <summary>
    /// <see cref="Cells"/> as templates read them, made with the row from the values the page shares per cell
    /// (<see cref="SharedCellValue"/>; nil where a level does not list the bullet); null: the list is wrapped per read.
    /// </summary>
    internal Fluid.Values.ArrayValue? SharedCells { get; init; }
}
