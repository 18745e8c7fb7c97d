namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;

/// <summary>
/// The extends pass plans, copies and applies a batch of families at a time (issue 9: the planning state of all
/// families at once was ≈ 300 MB at synthetic N = 10000). The oracle is one batch holding every family, the order
/// the pass had before: every batch size must give the same pages, models and diagnostics, including when a family
/// inherits from a family of an earlier batch whose own expansion changes the bullets it inherits (applying that
/// family with its batch, before the later batches read it, fails the theory for batch sizes 1-3).
/// </summary>
public class ExpandExtendsBatchTests
{
    // A source page whose own bullet holds a nested statement: expanding the source inserts bullets into that
    // bullet's nested list, so a page copying the bullet must copy it as it was before any page was changed.
    private const string Source = """
        ---
        title: Widget Analyst
        ---

        ## Levels

        ### Junior Widget Analyst

        #### Junior Widget Analyst Responsibilities

        * Sort the widgets
        * Label the widgets

        ### Widget Analyst

        #### Widget Analyst Responsibilities

        * Count the widgets
          * Extends that of the Junior Widget Analyst responsibilities
        * Report the *count* to [the board](https://example.com/board)

        ### Senior Widget Analyst

        #### Senior Widget Analyst Responsibilities

        * Extends that of the Widget Analyst responsibilities
        * Plan the widget audits
        """;

    // Inherits across pages from the source (a chain through two of its levels), and offers a choice.
    private const string Reader = """
        ---
        title: Widget Auditor
        ---

        ## Levels

        ### Widget Auditor

        #### Widget Auditor Responsibilities

        * Extends that of the [Senior Widget Analyst](/job-families/sales/widget-analyst/#senior-widget-analyst) responsibilities
        * Audit the widgets

        ### Senior Widget Auditor

        #### Senior Widget Auditor Responsibilities

        * Extends that of the Widget Auditor responsibilities
        * Extends that of the [Widget Analyst](/job-families/sales/widget-analyst/#widget-analyst) or [Junior Widget Analyst](/job-families/sales/widget-analyst/#junior-widget-analyst) responsibilities
        * Sign the audit
        """;

    // Same-page inheritance only, and a statement that resolves to nothing (a diagnostic).
    private static string Plain(int i) => $"""
        ---
        title: Gadget Fitter {i}
        ---

        ## Levels

        ### Gadget Fitter {i} (Intermediate)

        #### Gadget Fitter {i} (Intermediate) Responsibilities

        * Fit gadget number {i}
        * Keep the bench tidy

        ### Senior Gadget Fitter {i}

        #### Senior Gadget Fitter {i} Responsibilities

        * Extends that of the Gadget Fitter {i} (Intermediate) responsibilities
        * Extends that of the Principal Gadget Wrangler {i} responsibilities
        * Train fitters
        """;

    // The source first, so that with small batches it is expanded in an earlier batch than the pages reading it.
    private static (string, string)[] Pages() =>
    [
        ("job-families/sales/widget-analyst.md", Source),
        .. Enumerable.Range(0, 4).Select(i => ($"job-families/make/gadget-fitter-{i}.md", Plain(i))),
        ("job-families/sales/widget-auditor.md", Reader),
        ("job-families/make/gadget-fitter-9.md", Plain(9)),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(ExpandExtends.DefaultBatchSize)]
    public void Every_batch_size_gives_the_pages_models_and_diagnostics_of_one_batch(int batchSize)
    {
        // Given the pages expanded as one batch (the oracle) and in batches of batchSize families
        var oracle = ExtendsFixture.Run(int.MaxValue, Pages());
        var batched = ExtendsFixture.Run(batchSize, Pages());

        // Then every page renders the same, every section has the same items (and origins), and the diagnostics match
        Assert.Equal(oracle.Families.Select(oracle.HtmlOf), batched.Families.Select(batched.HtmlOf));
        Assert.Equal(Items(oracle), Items(batched));
        Assert.Equal(oracle.Diagnostics, batched.Diagnostics);
        Assert.NotEmpty(oracle.Diagnostics);
    }

    [Fact]
    public void A_batch_size_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpandExtends(new FamilyLookup([]), 0));
    }

    private static List<string> Items(ExtendsFixture run) =>
        run.Families
            .SelectMany(f => f.Roles)
            .SelectMany(r => r.Sections.Select(s => (Role: r, Section: s)))
            .SelectMany(x => x.Section.Items.Select(i => $"{x.Role.Name}/{x.Section.Kind}: {i.Text} <- {i.InheritedFrom?.Url}|{i.InheritedFrom?.Level}|{i.InheritedFrom?.Section}|{i.Location}"))
            .ToList();
}
