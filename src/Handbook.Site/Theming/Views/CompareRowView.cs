namespace Handbook.Site.Theming.Views;

/// <summary>A row of a compare table: <c>left</c>/<c>right</c> (nil where that level does not list the bullet) and <c>shared</c> (both do).</summary>
public sealed record CompareRowView(CompareCellView? Left, CompareCellView? Right, bool Shared);
