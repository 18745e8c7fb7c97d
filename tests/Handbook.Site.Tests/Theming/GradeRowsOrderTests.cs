namespace Handbook.Site.Tests.Theming;

using Handbook.JobFamilies.Grades;
using Handbook.Site.Theming;

/// <summary>
/// <see cref="PageViews.GradesOf"/> lists the grades from highest to lowest; grades with numerically equal ids keep the
/// table's order (what <c>OrderByDescending</c> gave; the rows are now sorted without LINQ's sorter, see <c>StableSort</c>).
/// </summary>
public sealed class GradeRowsOrderTests
{
    private static Grade GradeOf(string id, string title) => new() { Id = GradeId.Parse(id), Title = title };

    [Fact]
    public void Given_a_table_with_numerically_equal_ids_When_its_rows_are_made_Then_they_descend_and_ties_keep_the_table_order()
    {
        // Given: the table keeps "9.50" before "9.5" (its input order)
        var table = new GradeTable([], [GradeOf("9.50", "b"), GradeOf("4", "c"), GradeOf("9.5", "d"), GradeOf("12", "a")]);

        // When
        var rows = PageViews.GradesOf(table);

        // Then
        Assert.Equal(["a", "b", "d", "c"], rows.Select(r => r.Title));
        Assert.Equal(table.Grades.OrderByDescending(g => g.Id).Select(g => g.Title), rows.Select(r => r.Title));
    }
}
