namespace Handbook.Site.Theming.Views;

/// <summary>
/// A row of a compare table: <c>cells</c>, one per level (nil where that level does not list the bullet), and
/// <c>has</c>, the class list naming the columns that do (<c>has-1 has-3</c>), which the pair rules select on.
/// </summary>
public sealed record CompareRowView(string Has, IReadOnlyList<CompareCellView?> Cells);
