namespace Handbook.Site.Theming;

using System.Globalization;
using Handbook.JobFamilies.Model;
using Handbook.Site.Compare;
using Handbook.Site.Theming.Views;

/// <summary>
/// The table rows of one family's compare page. A page has a row per distinct bullet but few distinct column sets
/// (<c>has-1 has-2</c>) and few origins of inherited bullets, so each class list and each "from" link is made once
/// per page and shared by the rows (views are immutable), instead of once per row and cell. What templates read of
/// them is shared too (<see cref="SharedText"/>, <see cref="SharedLinkValue"/>), so Fluid does not wrap the same class
/// list and link again for every row and cell.
/// </summary>
internal sealed class CompareRows(JobFamily family)
{
    private readonly Dictionary<ulong, SharedText> _hasByColumns = [];
    private readonly Dictionary<(string Url, string Level), SharedLinkValue> _origins = [];

    public List<CompareRowView> Of(IReadOnlyList<MatrixRow> rows)
    {
        var views = new List<CompareRowView>(rows.Count);
        foreach (var row in rows)
        {
            var cells = new CompareCellView?[row.Cells.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellOf(row.Cells[i]);
            }

            var has = HasOf(row.Cells);
            views.Add(new CompareRowView(has.Text, cells) { SharedHas = has });
        }

        return views;
    }

    /// <summary>The class list naming the columns that list the bullet: <c>has-1 has-3</c>.</summary>
    private SharedText HasOf(IReadOnlyList<Item?> cells)
    {
        if (cells.Count > 64)
        {
            return new SharedText(Spell(cells)); // more levels than a mask has bits: not worth a memo
        }

        var columns = 0UL;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not null)
            {
                columns |= 1UL << i;
            }
        }

        if (!_hasByColumns.TryGetValue(columns, out var has))
        {
            has = new SharedText(Spell(cells));
            _hasByColumns[columns] = has;
        }

        return has;
    }

    private static string Spell(IReadOnlyList<Item?> cells) =>
        string.Join(' ', cells.Select((c, i) => c is null ? null : "has-" + (i + 1).ToString(CultureInfo.InvariantCulture)).OfType<string>());

    private CompareCellView? CellOf(Item? item)
    {
        if (item is null)
        {
            return null;
        }

        if (item.InheritedFrom is not { } from)
        {
            return new CompareCellView(item.Text, (LinkView?)null);
        }

        if (!_origins.TryGetValue((from.Url, from.Level), out var link))
        {
            link = new SharedLinkValue(new LinkView(from.Level, ReaderPageViews.Resolve(family.Url, from.Url)));
            _origins[(from.Url, from.Level)] = link;
        }

        return new CompareCellView(item.Text, link);
    }
}
