namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Diagnostics;

public class DiagnosticTests
{
    [Fact]
    public void Format_gives_path_line_column_severity_code_message_and_hint()
    {
        var d = Diagnostic.Error("GRADE001", "unknown grade 13", new SourceLocation("job-families/a/b.md", 12, 7), "nearest grades: 12, 14");

        Assert.Equal("job-families/a/b.md:12:7: error GRADE001: unknown grade 13\n  hint: nearest grades: 12, 14", d.Format());
    }

    [Fact]
    public void Bag_sorts_diagnostics_by_position_whatever_the_reporting_order()
    {
        var bag = new DiagnosticBag();
        bag.Report(Diagnostic.Warning("B", "second", new SourceLocation("b.md", 1, 1)));
        bag.Report(Diagnostic.Error("A", "first", new SourceLocation("a.md", 3, 1)));
        bag.Report(Diagnostic.Error("A", "earlier", new SourceLocation("a.md", 2, 5)));

        Assert.Equal(["earlier", "first", "second"], bag.Sorted().Select(d => d.Message));
        Assert.Equal(2, bag.ErrorCount);
    }

    [Fact]
    public void Bag_order_does_not_depend_on_reporting_order_even_when_only_the_hint_differs()
    {
        // Given the same two findings that differ only in their hint, reported in both orders
        var first = Diagnostic.Warning("X", "same", SourceLocation.File("a.md"), "hint b");
        var second = Diagnostic.Warning("X", "same", SourceLocation.File("a.md"), "hint a");
        var one = new DiagnosticBag();
        one.ReportAll([first, second]);
        var other = new DiagnosticBag();
        other.ReportAll([second, first]);

        // Then both bags read back the same
        Assert.Equal(one.Sorted(), other.Sorted());
        Assert.Equal("hint a", one.Sorted()[0].Hint);
    }

    [Fact]
    public void Bag_keeps_a_finding_reported_twice_once()
    {
        var bag = new DiagnosticBag();
        bag.Report(Diagnostic.Error("A", "m", SourceLocation.File("a.md")));
        bag.Report(Diagnostic.Error("A", "m", SourceLocation.File("a.md")));

        Assert.Single(bag.Sorted());
    }
}
