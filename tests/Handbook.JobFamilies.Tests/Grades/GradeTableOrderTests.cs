namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;

/// <summary>
/// <see cref="GradeTable.Grades"/> is in ascending numeric order, and grades whose ids are numerically equal ("9.5"
/// and "9.50") keep the order they were given in (the order a stable sort by id gives; the table is sorted without LINQ's
/// sorter, see <c>StableSort</c>).
/// </summary>
public sealed class GradeTableOrderTests
{
    private static Grade GradeOf(string id, string title) => new() { Id = GradeId.Parse(id), Title = title };

    [Fact]
    public void Given_grades_out_of_order_with_numerically_equal_ids_When_a_table_is_made_Then_they_ascend_and_ties_keep_their_order()
    {
        // Given
        Grade[] grades = [GradeOf("10", "a"), GradeOf("9.50", "b"), GradeOf("4", "c"), GradeOf("9.5", "d"), GradeOf("09.5", "e"), GradeOf("7", "f")];

        // When
        var table = new GradeTable([], grades);

        // Then
        Assert.Equal(["c", "f", "b", "d", "e", "a"], table.Grades.Select(g => g.Title));
        Assert.Equal(grades.OrderBy(g => g.Id).Select(g => g.Title), table.Grades.Select(g => g.Title));
    }
}
