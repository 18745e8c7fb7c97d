namespace Handbook.Site.Theming;

using System.Globalization;
using Fluid.Values;
using Handbook.JobFamilies.Model;
using Handbook.Site.Compare;
using Handbook.Site.Theming.Views;

/// <summary>
/// The table rows of one family's compare page. A page has a row per distinct bullet but few distinct column sets
/// (<c>has-1 has-2</c>) and few origins of inherited bullets, so each class list and each "from" link is made once
/// per page and shared by the rows (views are immutable), instead of once per row and cell. What templates read of
/// them is shared too (<see cref="SharedText"/>, <see cref="SharedLinkValue"/>), so Fluid does not wrap the same class
/// list and link again for every row and cell; so is each cell with its text within its row (<see cref="SharedCellValue"/>:
/// a bullet and the copies the higher levels inherit are one text value, and one cell per origin), and each row's cells
/// are one array of those values made with the row.
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
            var values = new FluidValue[cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                if (row.Cells[i] is not { } item)
                {
                    values[i] = NilValue.Instance;
                    continue;
                }

                var value = SharedCellOf(row.Cells, values, i, item);
                cells[i] = value.Cell;
                values[i] = value;
            }

            var has = HasOf(row.Cells);
            views.Add(new CompareRowView(has.Text, cells) { SharedHas = has, SharedCells = new ArrayValue(values) });
        }

        return views;
    }

    /// <summary>
    /// The value of the cell of <paramref name="item"/> in column <paramref name="column"/>: the one of an earlier column
    /// of the row (<paramref name="made"/>) that holds the same text object from the same origin, else a new one
    /// (sharing its text value with an earlier column's cell of the same text object, the bullet's own cell). An
    /// inherited bullet is a copy holding its origin's text object, so a row's cells are mostly one text; a row has a
    /// cell per level (a handful), so looking back through it costs a few reference comparisons – no lookup that hashes
    /// the text.
    /// </summary>
    private SharedCellValue SharedCellOf(IReadOnlyList<Item?> row, FluidValue[] made, int column, Item item)
    {
        SharedText? text = null;
        for (var j = 0; j < column; j++)
        {
            if (row[j] is { } earlier && ReferenceEquals(earlier.Text, item.Text) && made[j] is SharedCellValue value)
            {
                if (ReferenceEquals(earlier.InheritedFrom, item.InheritedFrom))
                {
                    return value;
                }

                text ??= value.Text;
            }
        }

        return new SharedCellValue(CellOf(item), text ?? new SharedText(item.Text));
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

    private CompareCellView CellOf(Item item)
    {
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
